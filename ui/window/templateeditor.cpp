#include "window/templateeditor.h"

#include "backends/fimbackend.h"
#include "text/stopsequences.h"
#include "wire/fimtemplate.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalBlocker>

namespace {
const QString Custom = QStringLiteral("custom");
const QString Auto = QStringLiteral("auto");
} // namespace

TemplateEditor::TemplateEditor(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_stops(new QPlainTextEdit(this))
    , m_preview(new QPlainTextEdit(this))
    , m_note(new QLabel(this))
    , m_prefix(QStringLiteral("def add(a, b):\n    "))
    , m_suffix(QStringLiteral("\n\nprint(add(1, 2))\n"))
{
    m_choice->addItem(tr("The server builds it from prefix and suffix"), QString());
    m_choice->addItem(tr("Template chosen by the model's name"), Auto);
    for (const FimTemplate &t : FimTemplate::builtIns())
        m_choice->addItem(tr("Template: %1").arg(t.title), t.id);
    m_choice->addItem(tr("Template: my own"), Custom);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_text, m_stops, m_preview}) {
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        edit->setTabChangesFocus(true);
    }
    // A template is one run of special tokens: wrapped, it would break inside one (<|fim_ / suffix|>).
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    const int line = m_text->fontMetrics().lineSpacing();
    m_text->setFixedHeight(line * 3 + 12);
    m_stops->setFixedHeight(line * 3 + 12);
    m_preview->setMinimumHeight(line * 8 + 12);
    m_text->setPlaceholderText(tr("Text around {prefix} and {suffix}, with the model's special tokens"));
    m_stops->setPlaceholderText(tr("one stop sequence a line (\\n for a line break)"));
    m_preview->setReadOnly(true);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid)"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Prompt:"), m_choice);
    //: The FIM prompt template (text around {prefix} and {suffix}), not a model
    form->addRow(tr("Template:"), m_text);
    form->addRow(tr("Stops:"), m_stops);
    form->addRow(tr("Preview:"), m_preview);
    form->addRow(m_note);

    connect(m_choice, &QComboBox::currentIndexChanged, this, &TemplateEditor::onChoice);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        // Editing a built-in makes it one's own.
        if (m_choice->currentData().toString() != Custom) {
            const QSignalBlocker block(m_choice);
            m_choice->setCurrentIndex(m_choice->findData(Custom));
        }
        updatePreview();
    });
    connect(m_stops, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        if (m_choice->currentData().toString() != Custom) {
            const QSignalBlocker block(m_choice);
            m_choice->setCurrentIndex(m_choice->findData(Custom));
        }
        updatePreview();
    });
}

void TemplateEditor::load(const Endpoint &endpoint, const QString &model)
{
    m_model = model;
    m_loading = true;
    int index = m_choice->findData(endpoint.promptTemplate);
    if (index < 0)
        index = 0;
    {
        const QSignalBlocker block(m_choice);
        m_choice->setCurrentIndex(index);
    }
    if (endpoint.promptTemplate == Custom) {
        m_text->setPlainText(endpoint.customTemplate);
        m_stops->setPlainText(StopSequences::formatLines(endpoint.customStops));
    }
    m_loading = false;
    setKind(endpoint.kind);
    onChoice();
}

void TemplateEditor::store(Endpoint &endpoint) const
{
    endpoint.promptTemplate = m_choice->currentData().toString();
    if (endpoint.promptTemplate == Custom) {
        endpoint.customTemplate = m_text->toPlainText();
        endpoint.customStops = StopSequences::parseLines(m_stops->toPlainText());
    } else {
        endpoint.customTemplate.clear();
        endpoint.customStops.clear();
    }
}

void TemplateEditor::setKind(EndpointKind kind)
{
    m_kind = kind;
    Endpoint probe(QString(), kind, QUrl());
    setEnabled(probe.takesTemplates());
    updatePreview();
}

void TemplateEditor::setPreviewText(const QString &prefix, const QString &suffix)
{
    m_prefix = prefix;
    m_suffix = suffix;
    updatePreview();
}

void TemplateEditor::onChoice()
{
    const QString choice = m_choice->currentData().toString();
    // Both boxes stay editable: typing in a built-in's (or the server's choice) makes it one's own.
    if (choice != Custom) {
        std::optional<FimTemplate> shown = choice == Auto ? FimTemplate::forModel(m_model) : FimTemplate::builtIn(choice);
        m_loading = true;
        m_text->setPlainText(shown ? shown->text : QString());
        m_stops->setPlainText(shown ? StopSequences::formatLines(shown->stops) : QString());
        m_loading = false;
    }
    updatePreview();
}

void TemplateEditor::updatePreview()
{
    Endpoint e(QString(), m_kind, QUrl());
    e.promptTemplate = m_choice->currentData().toString();
    e.customTemplate = m_text->toPlainText();
    e.customStops = StopSequences::parseLines(m_stops->toPlainText());
    if (!e.takesTemplates()) {
        m_preview->setPlainText(QString());
        m_note->setText(tr("%1 takes prefix and suffix and fills the FIM tokens itself: there is no template to choose.")
                            .arg(endpointKindTitle(m_kind)));
        return;
    }
    if (e.promptTemplate.isEmpty()) {
        m_preview->setPlainText(QString());
        m_note->setText(m_kind == EndpointKind::Ollama
                            ? tr("Ollama fills the model's own template around prefix and suffix. Models without "
                                 "one (no \"insert\" capability in the Models panel) need a template here.")
                            : tr("The server fills the model's FIM tokens around prefix and suffix. If the answers "
                                 "look like chat, or the server refuses \"suffix\", choose a template."));
        return;
    }
    QString why;
    const std::optional<FimTemplate> t = FimBackend::templateFor(e, m_model, &why);
    if (!t) {
        m_preview->setPlainText(QString());
        m_note->setText(why);
        return;
    }
    m_preview->setPlainText(t->render(m_prefix, m_suffix));
    m_note->setText(tr("Sent as the raw prompt (%1); stops: %2. The inspector shows the prompt of every request.")
                        .arg(t->title, t->stops.isEmpty() ? tr("none") : StopSequences::formatLines(t->stops).replace(u'\n', u' ')));
}

QString TemplateEditor::noteText() const
{
    return m_note->text();
}
