using System.Text.RegularExpressions;

namespace RpaOrleans.Safety;

/// <summary>
/// Masks e-mail addresses, payment card numbers (Luhn-checked) and phone numbers in text sent to the
/// LLM (<c>Llm:MaskPersonalData</c>). The page itself is untouched; only prompts change.
/// </summary>
public static partial class PersonalDataMasker
{
    public static string Mask(string text)
    {
        text = Email().Replace(text, "[email]");
        text = Card().Replace(text, m => Luhn(m.Value) ? "[card]" : m.Value);
        text = Phone().Replace(text, "[phone]");
        return text;
    }

    private static bool Luhn(string candidate)
    {
        var digits = candidate.Where(char.IsDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:\d[ -]?){12,18}\d\b")]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)|\d{3})[ .-]\d{3}[ .-]\d{4}(?![\w])")]
    private static partial Regex Phone();
}
