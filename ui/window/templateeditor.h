#pragma once

#include "wire/endpoint.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// The "Prompt" part of an endpoint profile: who builds the FIM prompt (the server, or the
// playground from a template: chosen by the model's name, a built-in one, or the user's own), the
// template's text and stop sequences, and a live preview of the prompt it renders. Picking a
// built-in and editing its text makes it a custom template.
class TemplateEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit TemplateEditor(QWidget *parent = nullptr);

    // Shows an endpoint's choice; model: the model the toolbar has for it ("auto" previews with it).
    void load(const Endpoint &endpoint, const QString &model);
    // Writes the choice into an endpoint (promptTemplate, customTemplate, customStops).
    void store(Endpoint &endpoint) const;
    // Kinds that build their own prompt (Codestral, proxies) get the editor disabled, with a note.
    void setKind(EndpointKind kind);
    void setPreviewText(const QString &prefix, const QString &suffix);

    QComboBox *choiceBox() const { return m_choice; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QPlainTextEdit *stopsEdit() const { return m_stops; }
    QPlainTextEdit *preview() const { return m_preview; }
    // Why there is no preview, or what the template sends.
    QString noteText() const;

private:
    void onChoice();
    void updatePreview();

    QComboBox *m_choice;
    QPlainTextEdit *m_text;
    QPlainTextEdit *m_stops;
    QPlainTextEdit *m_preview;
    QLabel *m_note;
    EndpointKind m_kind = EndpointKind::Proxy;
    QString m_model;
    QString m_prefix;
    QString m_suffix;
    bool m_loading = false;
};
