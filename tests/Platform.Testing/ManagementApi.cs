using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Platform.Testing;

/// <summary>Administers an external broker through the HTTP API of its management plugin.</summary>
internal sealed class ManagementApi : IVirtualHostAdministration
{
    private readonly HttpClient _http;
    private readonly string _amqpUser;

    /// <param name="endpoint">The management API's base address, credentials included: <c>http://guest:guest@host:15672</c>.</param>
    /// <param name="amqpUser">The user that test connections log in as.</param>
    public ManagementApi(Uri endpoint, string amqpUser)
    {
        var baseAddress = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        _http = new HttpClient { BaseAddress = new Uri(baseAddress.TrimEnd('/') + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(endpoint.UserInfo))));
        _amqpUser = amqpUser;
    }

    public async Task CreateAsync(string name, CancellationToken cancellationToken)
    {
        var vhost = Uri.EscapeDataString(name);
        await SendAsync(HttpMethod.Put, $"api/vhosts/{vhost}", null, cancellationToken);
        await SendAsync(
            HttpMethod.Put,
            $"api/permissions/{vhost}/{Uri.EscapeDataString(_amqpUser)}",
            JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" }),
            cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"api/vhosts/{Uri.EscapeDataString(name)}", null, cancellationToken);

    private async Task SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"RabbitMQ management API: {method} {path} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
