using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// The service as a process of its own (the built Triage.Silo.dll beside the tests), on free
/// loopback ports, with the test's settings as environment variables and booking app <c>app-a</c>
/// holding <see cref="TriageServiceHost.KeyA"/>: a silo that can be killed with SIGKILL.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, int grpcPort, int httpPort)
    {
        _process = process;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpPort = httpPort;
    }

    public Uri GrpcAddress { get; }

    public int HttpPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the service and waits until it answers (at most 90 s).</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        int grpcPort = FreePort(), httpPort = FreePort(), siloPort = FreePort(), gatewayPort = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Triage.Silo.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Auth__ApiKeys__0__AppId"] = "app-a";
        start.Environment["Auth__ApiKeys__0__KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TriageServiceHost.KeyA)));
        start.Environment["Auth__ApiKeys__0__Roles__0"] = "booking_app";
        start.Environment["Api__GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Api__HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        // The last lines the process wrote, for a failure to start.
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                lines.Enqueue(line);
                while (lines.Count > 40 && lines.TryDequeue(out var _))
                {
                }
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, grpcPort, httpPort);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/v1/admin/model", UriKind.Relative));
                return service;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        service.Dispose();
        throw new InvalidOperationException("the service process did not start listening within 90 s:\n" + string.Join('\n', lines));
    }

    /// <summary>SIGTERM, as an orchestrator stops a silo: it leaves the cluster and ends (at most 60 s).</summary>
    public async Task StopAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
