// A small document of headings, paragraphs, tables and lists, rendered as
// Markdown (GitHub tables) or as one self-contained HTML page. The report is
// built once and written in either form, so the two never drift apart.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace rrtf {

enum class ReportFormat { Markdown, Html };

// .html / .htm give HTML; anything else Markdown.
ReportFormat reportFormatForPath(const QString& path);

class ReportDocument {
public:
    void heading(int level, const QString& text);  // level 1..4
    void paragraph(const QString& text);
    void table(const QStringList& headers, const QVector<QStringList>& rows);
    void list(const QStringList& items);

    QString render(ReportFormat format, const QString& title) const;

private:
    struct Block {
        enum Kind { Heading, Paragraph, Table, List } kind;
        int level = 0;
        QString text;
        QStringList headers;         // tables
        QVector<QStringList> rows;   // tables; lists use rows[i][0]
    };
    QString markdown() const;
    QString html(const QString& title) const;

    QVector<Block> m_blocks;
};

}  // namespace rrtf
