using System.Globalization;
using System.Text;

namespace Platform.PersonalData;

/// <summary>
/// A person's name as lists shown to other people display it (e.g. a vote's roll shown to the other owners): the
/// surname stays, every other character becomes <c>*</c>, so that 张三丰 reads 张** and 欧阳修 reads 欧阳*.
/// </summary>
/// <remarks>
/// The rule is deliberately simple. The surname is the first character, or the first two when the name opens with one
/// of the common compound surnames (复姓) and is longer than them; a name as short as its surname keeps only its first
/// character, so that nothing but a surname is ever shown (欧阳 reads 欧*; a one-character name reads *). The name
/// separators of transliterated names (<c>·</c>, <c>•</c>, <c>．</c>, a space) stay, so 阿依古丽·买买提 reads 阿***·***.
/// Characters are counted as the reader sees them (text elements), so a name with a character outside the Basic
/// Multilingual Plane (𠮷) is masked as many <c>*</c> as it shows characters. A name that happens to start with the
/// characters of a compound surname (东方明 with the surname 东) keeps one character more than it needs; that is the
/// price of not guessing.
/// </remarks>
public static class PersonName
{
    private const char MaskCharacter = '*';

    // The compound surnames common enough to matter on a roll; a rarer one keeps only its first character.
    private static readonly HashSet<string> CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
        "令狐", "端木", "西门", "南宫", "独孤", "澹台", "申屠", "太史", "闻人", "呼延", "赫连", "百里", "钟离", "万俟",
        "单于", "濮阳", "淳于", "司空", "拓跋", "鲜于", "闾丘", "左丘", "公羊", "乐正", "东郭", "第五",
    ];

    private static readonly HashSet<string> Separators = ["·", "•", "．", " "];

    /// <summary>The name with only its surname shown: 张三丰 → 张**, 欧阳修 → 欧阳*, 李四 → 李*.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static string Masked(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var characters = TextElements(name.Trim());
        var kept = characters.Count > 2 && CompoundSurnames.Contains(characters[0] + characters[1]) ? 2
            : characters.Count > 1 ? 1
            : 0;
        var masked = new StringBuilder(characters.Count);
        foreach (var (character, index) in characters.Select((c, i) => (c, i)))
        {
            masked.Append(index < kept || Separators.Contains(character) ? character : MaskCharacter);
        }

        return masked.ToString();
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
