using System.Security.Cryptography;
using Platform.Domain;

namespace Platform.SocialOrgs.Tests;

/// <summary>Made-up identifiers with valid check characters, a new one per call.</summary>
internal static class TestCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>
    /// A unified social credit code: registration authority <paramref name="authority"/> (5 civil affairs), type
    /// <paramref name="type"/> (1 社会团体, 2 社会服务机构), region 110105 (朝阳区), a random organisation code and its check character.
    /// </summary>
    public static string CreditCode(char authority = '5', char type = '1')
    {
        var body = $"{authority}{type}110105{string.Concat(Enumerable.Range(0, 9).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]))}";
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    /// <summary>A mobile number ending in <paramref name="tail"/>, or in four random digits.</summary>
    public static string Phone(string? tail = null) => $"139{RandomNumberGenerator.GetInt32(10_000):D4}{tail ?? RandomNumberGenerator.GetInt32(10_000).ToString("D4")}";
}
