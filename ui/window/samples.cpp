#include "window/samples.h"

#include <QFile>

namespace {
const struct Entry
{
    const char *title;
    const char *file;
} list[] = {
    {QT_TRANSLATE_NOOP("Samples", "Python: sum of two numbers"), "python_sum.py"},
    {QT_TRANSLATE_NOOP("Samples", "JavaScript: multiply"), "javascript_multiply.js"},
    {QT_TRANSLATE_NOOP("Samples", "Python: class constructor"), "python_class.py"},
    {QT_TRANSLATE_NOOP("Samples", "TypeScript: interface factory"), "typescript_interface.ts"},
};
} // namespace

QString firstSampleFileName()
{
    return QLatin1String(list[0].file);
}

QList<Sample> builtInSamples()
{
    QList<Sample> out;
    for (const auto &entry : list) {
        QFile file(QStringLiteral(":/samples/") + QLatin1String(entry.file));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QString text = QString::fromUtf8(file.readAll());
        const qsizetype at = text.indexOf(QStringLiteral("<CURSOR>"));
        text.remove(QStringLiteral("<CURSOR>"));
        out.append({QCoreApplication::translate("Samples", entry.title), QLatin1String(entry.file), text, int(std::max<qsizetype>(at, 0))});
    }
    return out;
}
