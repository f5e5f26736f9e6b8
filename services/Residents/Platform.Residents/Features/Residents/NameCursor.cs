using System.Buffers.Text;
using System.Text;

namespace Platform.Residents.Features.Residents;

/// <summary>
/// The keyset cursor of the resident list: the last row's name and id. Paging by key instead of by offset keeps
/// page 500 as fast as page 1 and stable while residents are added.
/// </summary>
internal readonly record struct NameCursor(string Name, Guid Id)
{
    private const char Separator = '\u0001';

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Name}{Separator}{Id:N}"));

    public static bool TryDecode(string? text, out NameCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 400)
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var separator = decoded.LastIndexOf(Separator);
            if (separator < 0 || !Guid.TryParseExact(decoded[(separator + 1)..], "N", out var id))
            {
                return false;
            }

            cursor = new NameCursor(decoded[..separator], id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
