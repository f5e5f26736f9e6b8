namespace Platform.Imports.Tabular;

/// <summary>
/// Why an upload could not be read at all. Returned rather than thrown because a bad file is an ordinary
/// outcome of an import, to be shown to the user.
/// </summary>
/// <param name="Line">1-based line (or worksheet row) the problem was found on.</param>
/// <param name="Reason">An English sentence suitable for the user.</param>
public sealed record TabularFileError(int Line, string Reason);
