#pragma once

#include "completion/contextextractor.h"

#include <QTextBlock>

class QTextDocument;

// Reads a QTextDocument line by line for ContextExtractor. Walking from one line to the next costs
// O(1) (QTextBlock::next/previous), so extracting a window costs what the window costs.
class DocumentTextSource final : public TextSource
{
public:
    explicit DocumentTextSource(const QTextDocument *document);
    int lineCount() const override;
    QString line(int index) const override;

private:
    const QTextDocument *m_document;
    mutable QTextBlock m_last;
    mutable int m_lastIndex = -1;
};
