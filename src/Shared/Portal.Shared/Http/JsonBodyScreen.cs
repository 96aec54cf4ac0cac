using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Portal.Shared.Http;

/// <summary>What <see cref="JsonBodyScreen"/> found wrong in a body: the stable code and the fields it concerns.</summary>
public sealed record JsonBodyFinding(string Code, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public const string DuplicateKeyCode = "request.duplicate-key";
    public const string InvalidCharactersCode = "request.invalid-characters";
    public const string InvalidJsonCode = "request.invalid-json";
}

/// <summary>
/// Checks a JSON request body before anything binds it, the same way for every route (typed records, dictionaries and
/// <c>JsonObject</c> patches alike):
/// <list type="bullet">
/// <item>a member named twice in one object (also in another letter case, which the binder treats as the same
/// field) is refused: which of the two values counts would depend on the parser, so one reader could check the
/// first value while another stores the second;</item>
/// <item>a text value with control or format characters (Unicode categories Cc and Cf: NUL, escape sequences,
/// bidirectional overrides, zero-width characters) is refused, since they hide or reorder what a person reads on a
/// record. Tab, line feed and carriage return stay allowed for free text. Passwords are exempt: they are never
/// shown, and a password that was accepted before must still sign in.</item>
/// </list>
/// A body that is not well-formed JSON is refused here too (400 <c>request.invalid-json</c>), so nothing the screen
/// could not read reaches a binder that might read it another way. A leading UTF-8 byte-order mark is skipped, as
/// the binder skips it.
/// </summary>
public static class JsonBodyScreen
{
    public static JsonBodyFinding? Screen(ReadOnlySpan<byte> json)
    {
        var duplicates = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var invalidText = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var path = new List<Segment>();
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        AdvanceArrayIndex(path);
                        path.Add(Segment.Object());
                        break;
                    case JsonTokenType.StartArray:
                        AdvanceArrayIndex(path);
                        path.Add(Segment.Array());
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var current = path[^1];
                        current.Property = name;
                        if (!current.Names!.Add(name))
                        {
                            duplicates.TryAdd(PathOf(path), ["This field appears more than once in the request: send it once."]);
                        }

                        if (HasForbiddenCharacter(name, allowLineBreaks: false))
                        {
                            invalidText.TryAdd(PathOf(path), [InvalidCharactersMessage]);
                        }

                        break;
                    case JsonTokenType.String:
                        AdvanceArrayIndex(path);
                        if (!IsPassword(path) && HasForbiddenCharacter(reader.GetString()!, allowLineBreaks: true))
                        {
                            invalidText.TryAdd(PathOf(path), [InvalidCharactersMessage]);
                        }

                        break;
                    default:
                        AdvanceArrayIndex(path);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return new JsonBodyFinding(JsonBodyFinding.InvalidJsonCode,
                $"The request body is not well-formed JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).",
                new Dictionary<string, string[]>());
        }

        if (duplicates.Count > 0)
        {
            return new JsonBodyFinding(
                JsonBodyFinding.DuplicateKeyCode, "The request body names a field more than once.", duplicates);
        }

        return invalidText.Count > 0
            ? new JsonBodyFinding(
                JsonBodyFinding.InvalidCharactersCode,
                "Some text contains control or formatting characters (such as invisible or direction-changing characters).",
                invalidText)
            : null;
    }

    private const string InvalidCharactersMessage =
        "This text contains control or invisible formatting characters; only tabs and line breaks are allowed.";

    /// <summary>
    /// Cc and Cf, by code point (a surrogate pair's categories are those of the character it encodes), except a
    /// zero-width joiner or non-joiner where writing needs one: inside Persian and Arabic words, in Indic scripts, and
    /// in emoji sequences. Anywhere else (at an edge, in Latin text) it only hides a difference, so it is refused.
    /// </summary>
    public static bool HasForbiddenCharacter(string text, bool allowLineBreaks)
    {
        var runes = text.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format && !IsJoinerWritingNeeds(runes, i))
            {
                return true;
            }

            if (category is UnicodeCategory.Control && !(allowLineBreaks && rune.Value is '\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJoinerWritingNeeds(Rune[] runes, int index)
    {
        if (runes[index].Value is not (ZeroWidthNonJoiner or ZeroWidthJoiner) || index == 0 || index == runes.Length - 1)
        {
            return false;
        }

        var before = runes[index - 1];
        var after = runes[index + 1];
        var isEmoji = Rune.GetUnicodeCategory(before) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
                      || before.Value == VariationSelector16;
        var joinsScript = IsJoiningScript(before) && (Rune.IsLetter(after) || Rune.GetUnicodeCategory(after) is UnicodeCategory.NonSpacingMark);
        return joinsScript || (isEmoji && runes[index].Value == ZeroWidthJoiner && Rune.GetUnicodeCategory(after) is UnicodeCategory.OtherSymbol);
    }

    private const int ZeroWidthNonJoiner = 0x200C, ZeroWidthJoiner = 0x200D, VariationSelector16 = 0xFE0F;

    /// <summary>Arabic (with Persian and Urdu) and the Indic scripts, Devanagari to Sinhala, whose spelling uses joiners.</summary>
    private static bool IsJoiningScript(Rune rune) => rune.Value is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F)
        or (>= 0x08A0 and <= 0x08FF) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFC) or (>= 0x0900 and <= 0x0DFF);

    private static bool IsPassword(List<Segment> path) =>
        path.Count > 0 && path[^1].Property is { } name && name.EndsWith("password", StringComparison.OrdinalIgnoreCase);

    private static void AdvanceArrayIndex(List<Segment> path)
    {
        if (path.Count > 0 && path[^1].Names is null)
        {
            path[^1].Index++;
        }
    }

    /// <summary>Field names as the API's validation errors spell them: <c>address.postcode</c>, <c>allergies[0].substance</c>.</summary>
    private static string PathOf(List<Segment> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment.Names is null)
            {
                text.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment.Property is { } property)
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(property);
            }
        }

        return text.Length > 0 ? text.ToString() : "body";
    }

    /// <summary>An object (the names seen so far, the current one) or an array (the current index).</summary>
    private sealed class Segment
    {
        public HashSet<string>? Names { get; private init; }
        public string? Property { get; set; }
        public int Index { get; set; } = -1;

        public static Segment Object() => new() { Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) };
        public static Segment Array() => new();
    }
}
