namespace Kiro.Mcp.Server.Http;

/// <summary>
/// What a configured bearer secret and its user name must look like (docs/http-security.md). Checked once at
/// start-up, so the server never runs with a secret it could not compare exactly.
/// </summary>
public static class BearerTokenRules
{
    /// <summary>
    /// On loopback only local processes can guess, and each guess is an HTTP request; 16 random characters
    /// are far beyond reach and still easy to paste.
    /// </summary>
    public const int LoopbackMinimumLength = 16;

    /// <summary>Beyond this machine anyone on the network can guess: the length of a 32-byte base64 secret (openssl rand -base64 32 gives 44).</summary>
    public const int NetworkMinimumLength = 32;

    /// <summary>Null when <paramref name="secret"/> can be a secret; otherwise the end of a sentence saying why not.</summary>
    /// <remarks>
    /// Only visible ASCII (0x21-0x7E): HTTP header values carry no other characters reliably, and a secret with
    /// a space or a Unicode space could only ever match a header that some layer trimmed or normalised.
    /// </remarks>
    public static string? SecretProblem(string secret)
    {
        if (secret.Length == 0)
        {
            return "is empty (an unset variable in NAME=$SECRET gives this). Set a secret of at least " + LoopbackMinimumLength + " characters.";
        }
        if (secret.Any(c => c is < '!' or > '~'))
        {
            return "contains a space, a control character or a non-ASCII character. Use only visible ASCII (letters, digits, punctuation), e.g. from: openssl rand -base64 32";
        }
        return null;
    }

    /// <summary>Null when <paramref name="user"/> can name a user; otherwise a sentence saying why not.</summary>
    public static string? UserProblem(string user)
    {
        if (user.Length == 0)
        {
            return "the user name before '=' is empty.";
        }
        if (user.Any(char.IsControl) || user.Trim() != user)
        {
            return "the user name has control characters or spaces around it.";
        }
        return null;
    }
}
