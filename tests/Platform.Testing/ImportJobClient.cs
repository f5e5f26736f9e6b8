using System.Net;
using System.Text.Json;
using Xunit;

namespace Platform.Testing;

/// <summary>Uploads files to a service's import endpoints (<c>MapImportJobs</c>) and reads the finished jobs.</summary>
public static class ImportJobClient
{
    /// <summary>Uploads a file to <paramref name="prefix"/> and waits for its job to finish; returns the finished job.</summary>
    public static async Task<JsonElement> ImportAsync(this HttpClient client, string prefix, byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = TestContext.Current.CancellationToken;
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        using var upload = await client.PostAsync(new Uri(prefix, UriKind.Relative), form, cancellationToken);
        var job = await upload.AssertOkAsync(HttpStatusCode.Accepted);
        var location = new Uri(upload.Headers.Location!.OriginalString, UriKind.Relative);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (job.GetProperty("state").GetString() is "queued" or "running")
        {
            Assert.True(DateTime.UtcNow < deadline, "The import did not finish within 60 s.");
            await Task.Delay(100, cancellationToken);
            job = await (await client.GetAsync(location, cancellationToken)).AssertOkAsync();
        }

        return job;
    }

    /// <summary>A count of the job's summary.</summary>
    public static int Summary(this JsonElement job, string name) => job.GetProperty("summary").GetProperty(name).GetInt32();

    /// <summary>The lines the job's errors name, each once, in order.</summary>
    public static IReadOnlyList<int> ErrorLines(this JsonElement job) =>
        [.. job.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).Distinct().Order()];
}
