namespace Platform.ServiceDefaults;

/// <summary>Where a user may be sent back to after signing in or out.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is a path of this site, otherwise the site's root: a link that could name
    /// another site (<c>//evil.example</c>, <c>/\evil.example</c>, an absolute URL) would let a phishing page borrow
    /// our sign-in and then take the user wherever it likes (an open redirect).
    /// </summary>
    /// <param name="returnUrl">The address the request asks to go back to, or null.</param>
    public static string LocalOrRoot(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : "/";
}
