using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GiBot.Overview.Export;

/// <summary>The workbook's shared string table: each distinct text stored once, cells refer to it by index.</summary>
public sealed class XlsxSharedStrings
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    public SharedStringTable Table { get; } = new();

    public int IndexOf(string text)
    {
        text = XmlSafe(text);
        if (!_indexes.TryGetValue(text, out var index))
        {
            index = _indexes.Count;
            _indexes.Add(text, index);
            Table.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return index;
    }

    /// <summary>Text without the characters XML 1.0 cannot hold (a Word line break \v becomes a line break).</summary>
    public static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else if (text[i] is '\v' or '\f')
            {
                safe.Append('\n');
            }
        }
        return safe.ToString();
    }
}
