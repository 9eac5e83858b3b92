using System.Diagnostics;
using System.Globalization;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// The reviewed clinical data (red-flag vocabulary, specialty lexicon) is compiled when the service
/// starts: a file a clinician mistyped stops the start, naming the file and the rule, instead of a
/// service that answers and then fails every assessment.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClinicalDataStartTests
{
    [Theory]
    [InlineData("specialty-lexicon.yaml", "target: growth", "target: cardiology", "specialty-lexicon.yaml: group 1: target must be")]
    [InlineData("red-flags.zh.yaml", "- tag: infant_fever", "- tag: not_a_tag", "red-flags.zh.yaml: rule 1 (not_a_tag): unknown tag")]
    public async Task Start_WithAMistypedVocabularyFile_StopsNamingTheFileAndRule(string file, string replace, string with, string expected)
    {
        // The service reads its vocabulary beside its own assembly: a folder holding a copy of the service's
        // assembly and vocabulary, and links to everything else built beside the tests.
        var folder = Directory.CreateTempSubdirectory("triage-e2e-vocab-").FullName;
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(AppContext.BaseDirectory))
            {
                var name = Path.GetFileName(entry);
                if (name is not ("Vocabulary" or "Triage.Silo.dll" or "Triage.Silo.deps.json" or "Triage.Silo.runtimeconfig.json"))
                {
                    File.CreateSymbolicLink(Path.Combine(folder, name), entry);
                }
            }

            foreach (var name in new[] { "Triage.Silo.dll", "Triage.Silo.deps.json", "Triage.Silo.runtimeconfig.json" })
            {
                File.Copy(Path.Combine(AppContext.BaseDirectory, name), Path.Combine(folder, name));
            }

            var vocabulary = Directory.CreateDirectory(Path.Combine(folder, "Vocabulary")).FullName;
            foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Vocabulary")))
            {
                File.Copy(path, Path.Combine(vocabulary, Path.GetFileName(path)));
            }

            var target = Path.Combine(vocabulary, file);
            var text = await File.ReadAllTextAsync(target);
            var at = text.IndexOf(replace, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{file} no longer holds '{replace}'");
            await File.WriteAllTextAsync(target, string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + replace.Length)));

            var (exitCode, output) = await RunAsync(folder);

            Assert.NotEqual(0, exitCode);
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Runs the service from the folder until it exits on its own (at most 90 s) and returns what it wrote.
    private static async Task<(int ExitCode, string Output)> RunAsync(string folder)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Triage.Silo.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__SqlitePath"] = Path.Combine(folder, "triage.db");
        start.Environment["Analytics__Path"] = Path.Combine(folder, "analytics.duckdb");
        foreach (var setting in new[] { "Api__GrpcPort", "Api__HttpPort", "Orleans__SiloPort", "Orleans__GatewayPort" })
        {
            start.Environment[setting] = ServiceProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail("the service kept running with a mistyped vocabulary file");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
