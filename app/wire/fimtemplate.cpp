#include "wire/fimtemplate.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Messages under the context "FimTemplate"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimTemplate)
};

const QString Prefix = QStringLiteral("{prefix}");
const QString Suffix = QStringLiteral("{suffix}");

} // namespace

QString FimTemplate::render(const QString &prefix, const QString &suffix) const
{
    QString out;
    out.reserve(text.size() + prefix.size() + suffix.size());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype at = text.indexOf(QLatin1Char('{'), pos);
        if (at < 0)
            break;
        out.append(QStringView(text).sliced(pos, at - pos));
        const QStringView rest = QStringView(text).sliced(at);
        if (rest.startsWith(Prefix)) {
            out.append(prefix);
            pos = at + Prefix.size();
        } else if (rest.startsWith(Suffix)) {
            out.append(suffix);
            pos = at + Suffix.size();
        } else {
            out.append(QLatin1Char('{'));
            pos = at + 1;
        }
    }
    out.append(QStringView(text).sliced(std::min(pos, text.size())));
    return out;
}

QString FimTemplate::render(const QString &prefix, const QString &suffix, const QList<ContextChunk> &extra,
                           const QString &fileName, const QString &marker) const
{
    if (extra.isEmpty())
        return render(prefix, suffix);
    const SuggestionText::Family f = family();
    if (f != SuggestionText::Family::Qwen && f != SuggestionText::Family::StarCoder)
        return render(ExtraContext::withComments(extra, marker, prefix), suffix);
    const bool qwen = f == SuggestionText::Family::Qwen;
    const QString repo = qwen ? QStringLiteral("<|repo_name|>") : QStringLiteral("<repo_name>");
    const QString sep = qwen ? QStringLiteral("<|file_sep|>") : QStringLiteral("<file_sep>");
    // llama-server's /infill writes "myproject\n" after the repository token; StarCoder2 was trained
    // with the file separator straight after the name.
    QString out = repo + (qwen ? QStringLiteral("myproject\n") : QStringLiteral("myproject"));
    for (const ContextChunk &c : extra) {
        out += sep + c.filename + QLatin1Char('\n') + c.text;
        if (!c.text.endsWith(QLatin1Char('\n')))
            out += QLatin1Char('\n');
    }
    out += sep + (fileName.isEmpty() ? QStringLiteral("filename") : fileName) + QLatin1Char('\n');
    return out + render(prefix, suffix);
}

QString FimTemplate::validationError() const
{
    if (!text.contains(Prefix))
        return Tr::tr("The template has no {prefix}: the model would not see the text before the cursor.");
    if (!text.contains(Suffix))
        return Tr::tr("The template has no {suffix}: the model would not see the text after the cursor.");
    if (text.count(Prefix) > 1 || text.count(Suffix) > 1)
        return Tr::tr("The template names {prefix} or {suffix} twice.");
    return {};
}

SuggestionText::Family FimTemplate::family() const
{
    using F = SuggestionText::Family;
    if (text.contains(u"<|fim_prefix|>"))
        return stops.contains(u"<|file_separator|>") ? F::CodeGemma : F::Qwen;
    if (text.contains(u"<fim_prefix>"))
        return F::StarCoder;
    if (text.contains(u"<｜fim▁begin｜>"))
        return F::DeepSeek;
    if (text.contains(u"<PRE>"))
        return F::CodeLlama;
    if (text.contains(u"[SUFFIX]") || text.contains(u"[PREFIX]"))
        return F::Mistral;
    return F::Unknown;
}

const QList<FimTemplate> &FimTemplate::builtIns()
{
    // The models' own special tokens (REFERENCE.md §3); DeepSeek's bars are full-width and its
    // spaces U+2581.
    static const QList<FimTemplate> all{
        {QStringLiteral("qwen"), QStringLiteral("Qwen2.5-Coder"),
         QStringLiteral("<|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>"),
         {QStringLiteral("<|endoftext|>"), QStringLiteral("<|fim_pad|>"), QStringLiteral("<|file_sep|>")}},
        {QStringLiteral("codegemma"), QStringLiteral("CodeGemma"),
         QStringLiteral("<|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>"),
         {QStringLiteral("<|endoftext|>"), QStringLiteral("<|fim_pad|>"), QStringLiteral("<|file_separator|>")}},
        {QStringLiteral("starcoder"), QStringLiteral("StarCoder / StarCoder2"),
         QStringLiteral("<fim_prefix>{prefix}<fim_suffix>{suffix}<fim_middle>"),
         {QStringLiteral("<|endoftext|>"), QStringLiteral("<file_sep>")}},
        {QStringLiteral("deepseek"), QStringLiteral("DeepSeek-Coder"),
         QStringLiteral("<｜fim▁begin｜>{prefix}<｜fim▁hole｜>{suffix}<｜fim▁end｜>"),
         {QStringLiteral("<｜end▁of▁sentence｜>")}},
        {QStringLiteral("codellama"), QStringLiteral("CodeLlama"), QStringLiteral("<PRE> {prefix} <SUF>{suffix} <MID>"),
         {QStringLiteral("<EOT>")}},
        {QStringLiteral("codestral"), QStringLiteral("Codestral (raw)"), QStringLiteral("[SUFFIX]{suffix}[PREFIX]{prefix}"),
         {QStringLiteral("</s>")}},
    };
    return all;
}

std::optional<FimTemplate> FimTemplate::builtIn(const QString &id)
{
    for (const FimTemplate &t : builtIns())
        if (t.id == id)
            return t;
    return std::nullopt;
}

std::optional<FimTemplate> FimTemplate::forModel(const QString &model)
{
    using F = SuggestionText::Family;
    switch (SuggestionText::familyForModel(model, false)) {
    case F::Qwen: return builtIn(QStringLiteral("qwen"));
    case F::CodeGemma: return builtIn(QStringLiteral("codegemma"));
    case F::StarCoder: return builtIn(QStringLiteral("starcoder"));
    case F::DeepSeek: return builtIn(QStringLiteral("deepseek"));
    case F::CodeLlama: return builtIn(QStringLiteral("codellama"));
    case F::Mistral: return builtIn(QStringLiteral("codestral"));
    case F::Unknown: break;
    }
    return std::nullopt;
}

std::optional<FimTemplate> FimTemplate::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read the template file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    FimTemplate t;
    t.id = QStringLiteral("custom");
    t.title = QFileInfo(path).fileName();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject o = doc.object();
        if (!o.value(u"template").isString()) {
            *error = Tr::tr("%1 is JSON but has no \"template\" string.").arg(path);
            return std::nullopt;
        }
        t.text = o.value(u"template").toString();
        for (const QJsonValue &v : o.value(u"stop").toArray())
            if (v.isString())
                t.stops.append(v.toString());
    } else {
        t.text = QString::fromUtf8(bytes);
        // Editors end files with a line break; a template does not mean one after {suffix}<MID>.
        if (t.text.endsWith(u'\n'))
            t.text.chop(t.text.endsWith(u"\r\n") ? 2 : 1);
    }
    if (const QString why = t.validationError(); !why.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    }
    return t;
}
