#include "report_document.h"

#include <algorithm>

namespace rrtf {
namespace {

// A table cell or list item on one Markdown line: pipes escaped, line breaks as spaces.
QString markdownCell(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

// Readable in light and dark viewers: the page says which schemes it supports.
constexpr const char* kStyle =
    ":root{color-scheme:light dark}"
    "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;line-height:1.4}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "th,td{border:1px solid #8888;padding:.25em .6em;text-align:left;vertical-align:top}"
    "th{background:#8882}code{font-size:.95em}";

}  // namespace

ReportFormat reportFormatForPath(const QString& path)
{
    const QString lower = path.toLower();
    return lower.endsWith(QLatin1String(".html")) || lower.endsWith(QLatin1String(".htm")) ? ReportFormat::Html
                                                                                              : ReportFormat::Markdown;
}

void ReportDocument::heading(int level, const QString& text)
{
    m_blocks.push_back({Block::Heading, std::clamp(level, 1, 4), text, {}, {}});
}

void ReportDocument::paragraph(const QString& text)
{
    m_blocks.push_back({Block::Paragraph, 0, text, {}, {}});
}

void ReportDocument::table(const QStringList& headers, const QVector<QStringList>& rows)
{
    m_blocks.push_back({Block::Table, 0, {}, headers, rows});
}

void ReportDocument::list(const QStringList& items)
{
    QVector<QStringList> rows;
    for (const QString& item : items)
        rows.push_back({item});
    m_blocks.push_back({Block::List, 0, {}, {}, rows});
}

QString ReportDocument::render(ReportFormat format, const QString& title) const
{
    return format == ReportFormat::Html ? html(title) : markdown();
}

QString ReportDocument::markdown() const
{
    QString out;
    for (const Block& block : m_blocks) {
        switch (block.kind) {
        case Block::Heading: out += QString(block.level, QLatin1Char('#')) + QLatin1Char(' ') + block.text; break;
        case Block::Paragraph: out += block.text; break;
        case Block::List:
            for (const QStringList& row : block.rows)
                out += QStringLiteral("- ") + markdownCell(row.value(0)) + QLatin1Char('\n');
            out.chop(1);
            break;
        case Block::Table: {
            QStringList cells;
            for (const QString& header : block.headers)
                cells << markdownCell(header);
            out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
            out += QStringLiteral(" --- |").repeated(block.headers.size());
            for (const QStringList& row : block.rows) {
                cells.clear();
                for (int i = 0; i < block.headers.size(); ++i)
                    cells << markdownCell(row.value(i));
                out += QStringLiteral("\n| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |");
            }
            break;
        }
        }
        out += QStringLiteral("\n\n");
    }
    return out;
}

QString ReportDocument::html(const QString& title) const
{
    QString out = QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n"
                                 "<style>%2</style>\n</head>\n<body>\n")
                      .arg(title.toHtmlEscaped(), QString::fromLatin1(kStyle));
    for (const Block& block : m_blocks) {
        switch (block.kind) {
        case Block::Heading:
            out += QStringLiteral("<h%1>%2</h%1>\n").arg(block.level).arg(block.text.toHtmlEscaped());
            break;
        case Block::Paragraph: out += QStringLiteral("<p>%1</p>\n").arg(block.text.toHtmlEscaped()); break;
        case Block::List:
            out += QStringLiteral("<ul>\n");
            for (const QStringList& row : block.rows)
                out += QStringLiteral("<li>%1</li>\n").arg(row.value(0).toHtmlEscaped());
            out += QStringLiteral("</ul>\n");
            break;
        case Block::Table:
            out += QStringLiteral("<table>\n<tr>");
            for (const QString& header : block.headers)
                out += QStringLiteral("<th>%1</th>").arg(header.toHtmlEscaped());
            out += QStringLiteral("</tr>\n");
            for (const QStringList& row : block.rows) {
                out += QStringLiteral("<tr>");
                for (int i = 0; i < block.headers.size(); ++i)
                    out += QStringLiteral("<td>%1</td>").arg(row.value(i).toHtmlEscaped());
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</table>\n");
            break;
        }
    }
    return out + QStringLiteral("</body>\n</html>\n");
}

}  // namespace rrtf
