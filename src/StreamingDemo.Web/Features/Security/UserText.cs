using System.Globalization;
using System.Text;

namespace StreamingDemo.Web.Features.Security;

/// <summary>
/// The one guard for text people type (profile names, search, layout names, API string fields, CSV cells).
/// Markup such as <c>&lt;script&gt;</c> is allowed and stays text: Razor encodes it and no page renders user text as
/// <c>MarkupString</c>. What is refused is what cannot be shown honestly: control characters, invisible and
/// direction-changing characters (which make a name read differently from what it is), broken UTF-16 (what invalid
/// UTF-8 decodes to arrives as U+FFFD) and text over the length limit.
/// </summary>
public static class UserText
{
    /// <summary>Checks a name (profile, layout): trimmed and NFC-normalised when valid, or a message saying what is wrong.</summary>
    public static TextCheck CheckName(string? value, int maxLength, string what = "A name")
    {
        var trimmed = (value ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return TextCheck.Refused($"{what} is needed.");
        }

        if (!IsWellFormed(trimmed))
        {
            return TextCheck.Refused($"{what} contains characters that could not be read (broken text encoding).");
        }

        var normalized = trimmed.Normalize(NormalizationForm.FormC);
        if (new StringInfo(normalized).LengthInTextElements > maxLength || normalized.Length > maxLength * 4)
        {
            return TextCheck.Refused($"{what} can be at most {maxLength} characters.");
        }

        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                return TextCheck.Refused($"{what} cannot contain control characters such as tabs or line breaks.");
            }

            if (IsInvisibleOrDirectional(rune))
            {
                return TextCheck.Refused($"{what} cannot contain invisible or text-direction characters.");
            }
        }

        return TextCheck.Accepted(normalized);
    }

    /// <summary>
    /// Search text is never stored, so it is cleaned rather than refused: control, invisible and direction characters and
    /// broken surrogates are dropped, whitespace is collapsed, and it is cut to <paramref name="maxLength"/>.
    /// </summary>
    public static string? CleanSearch(string? value, int maxLength = MaxSearchLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        var lastWasSpace = true;
        for (var i = 0; i < value.Length && builder.Length < maxLength; i++)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                continue;
            }

            i += consumed - 1;
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            if (IsInvisibleOrDirectional(rune) || rune.Value == 0xFFFD || builder.Length + rune.Utf16SequenceLength > maxLength)
            {
                continue;
            }

            builder.Append(rune.ToString());
            lastWasSpace = false;
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned.Normalize(NormalizationForm.FormC);
    }

    public const int MaxSearchLength = 100;

    /// <summary>No lone surrogates and no U+FFFD (the replacement character invalid UTF-8 decodes to).</summary>
    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done || rune.Value == 0xFFFD)
            {
                return false;
            }

            i += consumed - 1;
        }

        return true;
    }

    /// <summary>
    /// Format characters (zero-width space, RLM/LRM, bidi embeddings, overrides and isolates, BOM, soft hyphen…), except
    /// the zero-width joiner and non-joiner that emoji sequences and Persian or Indic spelling need.
    /// </summary>
    private static bool IsInvisibleOrDirectional(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format && rune.Value is not (0x200C or 0x200D);
}

/// <summary>The outcome of <see cref="UserText.CheckName"/>: the cleaned value, or why it was refused.</summary>
public sealed record TextCheck(bool IsValid, string Value, string? Error)
{
    public static TextCheck Accepted(string value) => new(true, value, null);

    public static TextCheck Refused(string error) => new(false, string.Empty, error);
}
