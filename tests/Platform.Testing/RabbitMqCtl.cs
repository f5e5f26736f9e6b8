using System.Diagnostics;

namespace Platform.Testing;

/// <summary>Administers a node started from <c>infra/local/rabbitmq.sh</c> through <c>infra/local/rabbitmqctl.sh</c>.</summary>
internal sealed class RabbitMqCtl(string dataDirectory, string nodeName) : IVirtualHostAdministration
{
    public async Task CreateAsync(string name, CancellationToken cancellationToken)
    {
        await RunAsync(["add_vhost", name], cancellationToken);
        await RunAsync(["set_permissions", "-p", name, "guest", ".*", ".*", ".*"], cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(["delete_vhost", name], cancellationToken);

    private async Task RunAsync(string[] command, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[RepositoryRoot.Script("rabbitmqctl.sh"), "--data-dir", dataDirectory, "--node-name", nodeName, "--", .. command])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"rabbitmqctl {string.Join(' ', command)} failed with code {process.ExitCode}:\n{await errors}{await output}");
        }
    }
}
