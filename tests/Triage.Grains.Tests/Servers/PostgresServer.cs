using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Triage.Grains.Tests.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster of Debian's <c>postgresql</c> (installed by .ci/run), made with
/// initdb in a folder of its own on a free loopback port, and removed with it. As root, the server
/// runs as the <c>postgres</c> user (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string to a database of that name (created by <see cref="CreateDatabaseAsync"/>).</summary>
    public string ConnectionString(string database = "postgres") => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20";

    /// <summary>Starts a new cluster; throws with the reason when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new InvalidOperationException("PostgreSQL 15 is not installed (apt-get install -y postgresql; .ci/run does it)");
        }

        var folder = Path.Combine(Path.GetTempPath(), "triage-pg-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", folder).ConfigureAwait(false);
        }

        var port = FreePort();
        await RunAsPostgresAsync(Path.Combine(Bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8").ConfigureAwait(false);
        var server = new PostgresServer(folder, port);
        await server.StartServerAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Creates an empty database.</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString());
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the server at once (immediate mode: clients see their connections drop).</summary>
    public Task StopAsync() => RunAsPostgresAsync(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");

    /// <summary>Starts the server again on its port.</summary>
    public Task StartServerAsync() => RunAsPostgresAsync(
        Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "log"), "-w",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c max_connections=200", "start");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
