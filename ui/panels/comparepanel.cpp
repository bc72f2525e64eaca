#include "panels/comparepanel.h"

#include "backends/fimbackend.h"
#include "context/appcontext.h"
#include "panels/comparecolumn.h"
#include "panels/elidedlabel.h"
#include "panels/expectedansweredit.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QTextBlock>
#include <QTextDocument>
#include <QVBoxLayout>

ComparePanel::ComparePanel(AppContext *context, std::unique_ptr<CompareSite> site,
                           const KSyntaxHighlighting::Repository &repository, std::function<Variant()> current, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_site(std::move(site))
    , m_repository(repository)
    , m_current(std::move(current))
    , m_run(context->network(), context->secrets())
    , m_variants(new QListWidget(this))
    //: Button (verb): run the checked variants
    , m_runButton(new QPushButton(tr("Run"), this))
    , m_sweepParameter(new QComboBox(this))
    , m_sweepValues(new QLineEdit(this))
    , m_expected(new ExpectedAnswerEdit(this))
    , m_previous(new QCheckBox(tr("Previous run"), this))
    , m_status(new ElidedLabel(this, 4, true))
    , m_columnRow(new QHBoxLayout)
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("comparePanel"));
    m_variants->setObjectName(QStringLiteral("variantList"));
    m_variants->setToolTip(tr("Saved variants: check 2 to 4 to run them side by side"));
    auto *save = new QPushButton(tr("Save Current…"), this);
    save->setToolTip(tr("Save the active profile with the toolbar's model and parameters as a variant"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setToolTip(tr("Remove the selected variant"));
    m_runButton->setObjectName(QStringLiteral("compareRun"));
    m_runButton->setToolTip(tr("Send the cursor's prefix and suffix to the checked variants (Ctrl+Alt+Return)"));
    for (Sweep::Parameter p : Sweep::parameters())
        m_sweepParameter->addItem(Sweep::parameterName(p), int(p));
    m_sweepParameter->setObjectName(QStringLiteral("sweepParameter"));
    m_sweepValues->setObjectName(QStringLiteral("sweepValues"));
    m_sweepValues->setPlaceholderText(tr("0, 0.2, 0.5, 0.8"));
    m_sweepValues->setToolTip(tr("2 to 4 values; the current settings with each of them make the columns (Enter runs)"));
    //: Button (verb): run one parameter over several values
    auto *sweepButton = new QPushButton(tr("Sweep"), this);
    sweepButton->setObjectName(QStringLiteral("sweepRun"));
    m_previous->setObjectName(QStringLiteral("comparePrevious"));
    m_previous->setToolTip(tr("Show the run before the last one, to set them against each other"));
    m_previous->setEnabled(false);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_variants->setAccessibleName(tr("Variants"));
    m_sweepParameter->setAccessibleName(tr("Sweep parameter"));
    m_sweepValues->setAccessibleName(tr("Sweep values"));
    // The keyboard goes as the controls are laid out (they were made in another order).
    const QList<QWidget *> order{m_variants, save, remove, m_runButton, m_sweepParameter, sweepButton, m_sweepValues, m_previous, m_expected};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    auto *controls = new QVBoxLayout;
    controls->addWidget(m_variants, 1);
    auto *variantButtons = new QHBoxLayout;
    variantButtons->addWidget(save);
    variantButtons->addWidget(remove);
    controls->addLayout(variantButtons);
    controls->addWidget(m_runButton);
    // The values get the whole width (model names are long); the button sits by the parameter.
    auto *sweepRow = new QHBoxLayout;
    sweepRow->addWidget(new QLabel(tr("Sweep"), this));
    sweepRow->addWidget(m_sweepParameter, 1);
    sweepRow->addWidget(sweepButton);
    controls->addLayout(sweepRow);
    controls->addWidget(m_sweepValues);
    controls->addWidget(m_previous);
    controls->addWidget(m_status);

    auto *side = new QWidget(this);
    side->setLayout(controls);
    controls->setContentsMargins(0, 0, 0, 0);
    side->setFixedWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    m_hint->setObjectName(QStringLiteral("compareHint"));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(tr("The cursor's prefix and suffix, sent to several variants at once, side by side here.\n\n"
                       "Save Current… keeps the active profile with the toolbar's model and parameters as a variant; "
                       "check 2 to 4 and Run (Ctrl+Alt+Return).\nOr sweep one parameter: type 2 to 4 values, e.g. 0, 0.2, 0.5, 0.8, "
                       "and press Enter."));
    m_columnRow->addWidget(m_hint, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(side);
    // The expected answer above the answers it is set against.
    auto *answers = new QVBoxLayout;
    answers->addWidget(m_expected);
    answers->addLayout(m_columnRow, 1);
    layout->addLayout(answers, 1);

    connect(save, &QPushButton::clicked, this, [this] {
        const Variant v = m_current();
        const QString proposed = QStringLiteral("%1 · %2").arg(v.profile, v.request.model.isEmpty() ? tr("default model") : v.request.model);
        QInputDialog dialog(this);
        dialog.setWindowTitle(tr("Save Variant"));
        dialog.setLabelText(tr("Name of the variant (the active endpoint with the toolbar's model and parameters):"));
        dialog.setTextValue(proposed);
        // Wide enough for the whole proposed name: never "ommand line · default model".
        dialog.resize(std::max(dialog.sizeHint().width(), dialog.fontMetrics().horizontalAdvance(proposed) + 80), dialog.sizeHint().height());
        if (dialog.exec() == QDialog::Accepted)
            saveCurrentAs(dialog.textValue());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_variants->currentRow();
        if (row < 0 || row >= m_context->settings().variants.size())
            return;
        m_context->settings().variants.removeAt(row);
        refreshVariants();
        emit variantsChanged();
    });
    connect(m_runButton, &QPushButton::clicked, this, &ComparePanel::run);
    auto runSweep = [this] {
        sweep(Sweep::Parameter(m_sweepParameter->currentData().toInt()), m_sweepValues->text());
    };
    connect(sweepButton, &QPushButton::clicked, this, runSweep);
    connect(m_sweepValues, &QLineEdit::returnPressed, this, runSweep);
    connect(m_sweepParameter, &QComboBox::currentIndexChanged, this, [this] {
        const auto p = Sweep::Parameter(m_sweepParameter->currentData().toInt());
        m_sweepValues->setPlaceholderText(p == Sweep::Parameter::Context ? tr("none, pinned, ring, all (or file)")
                                          : p == Sweep::Parameter::Model ? tr("two to four model names")
                                                                         : tr("0, 0.2, 0.5, 0.8"));
    });
    connect(m_previous, &QCheckBox::toggled, this, &ComparePanel::showColumns);
    connect(m_expected, &QPlainTextEdit::textChanged, this, &ComparePanel::refreshScores);
    connect(&m_run, &CompareRun::columnChanged, this, &ComparePanel::showColumns);
    // An edit may take away (or, undone, give back) the place a run's answers go.
    connect(m_site->document(), &QTextDocument::contentsChanged, this, &ComparePanel::refreshInsert);
    connect(&m_run, &CompareRun::finished, this, [this] {
        const QList<CompareRun::Column> &columns = m_run.columns();
        const bool allFailed = !columns.isEmpty() && std::all_of(columns.cbegin(), columns.cend(), [](const CompareRun::Column &c) {
            return c.state == CompareRun::Column::State::Failed;
        });
        if (allFailed)
            setStatus(tr("Every column failed; the first said: %1").arg(columns.first().error.message), true);
        else
            setStatus(tr("Run done: each column's request is in the latency panel and the inspector.") + expectedNote(), false);
    });
    connect(&m_run, &CompareRun::timingRecorded, this, [this](const RequestTiming &t) { m_context->latency()->append(t); });
    connect(&m_run, &CompareRun::exchangeRecorded, this, [this](const Exchange &x) {
        for (const CompareRun::Column &c : m_run.columns()) {
            if (c.requestId == x.id && c.endpoint.kind == x.kind && c.endpoint.baseUrl.host() == x.url.host()) {
                QString cleaning;
                emit exchangeRecorded(c.endpoint, x, c.state == CompareRun::Column::State::Answered ? shownText(c, false, &cleaning) : QString());
                return;
            }
        }
    });
    refreshVariants();
}

ComparePanel::~ComparePanel()
{
    // Replies end quietly before the columns they would update go.
    m_run.disconnect(this);
}

void ComparePanel::refreshVariants()
{
    QStringList checked;
    for (int i = 0; i < m_variants->count(); ++i) {
        if (m_variants->item(i)->checkState() == Qt::Checked)
            checked << m_variants->item(i)->text();
    }
    m_variants->clear();
    for (const Variant &v : std::as_const(m_context->settings().variants)) {
        auto *item = new QListWidgetItem(v.name, m_variants);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(v.name) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(QStringLiteral("%1 · %2").arg(v.profile, v.request.model));
    }
}

bool ComparePanel::saveCurrentAs(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        setStatus(tr("A variant needs a name."), true);
        return false;
    }
    Variant v = m_current();
    v.name = trimmed;
    if (const QString why = endpointFor(v).validationError(); !why.isEmpty()) {
        setStatus(tr("“%1” cannot be saved: its endpoint “%2” is no profile and has no usable URL (%3)").arg(trimmed, v.profile, why), true);
        return false;
    }
    QList<Variant> &variants = m_context->settings().variants;
    const auto same = std::find_if(variants.begin(), variants.end(), [&trimmed](const Variant &x) { return x.name == trimmed; });
    if (same != variants.end())
        *same = v; // saving under a name again updates it
    else
        variants.append(v);
    refreshVariants();
    for (int i = 0; i < m_variants->count(); ++i) {
        if (m_variants->item(i)->text() == trimmed)
            m_variants->item(i)->setCheckState(Qt::Checked);
    }
    emit variantsChanged();
    setStatus(tr("Saved variant “%1”.").arg(trimmed), false);
    return true;
}

bool ComparePanel::run()
{
    const QList<Variant> chosen = checkedVariants();
    if (chosen.size() < 2 || chosen.size() > 4) {
        setStatus(chosen.isEmpty() ? tr("Check 2 to 4 variants to compare (Save Current… makes one from the toolbar), or run a sweep.")
                                   : tr("%n variant(s) checked: check 2 to 4.", nullptr, int(chosen.size())),
                  true);
        return false;
    }
    m_sweeping = false;
    startRun(chosen);
    return true;
}

bool ComparePanel::sweep(Sweep::Parameter parameter, const QString &values)
{
    QString error;
    const QList<Variant> variants = Sweep::variants(m_current(), parameter, values, &error);
    if (variants.isEmpty()) {
        setStatus(error, true);
        return false;
    }
    m_sweeping = true;
    startRun(variants);
    return true;
}

QString ComparePanel::originOf(quint64 requestId) const
{
    for (const CompareRun::Column &c : m_run.columns())
        if (c.requestId == requestId)
            return (m_sweeping ? tr("sweep: %1") : tr("Compare: %1")).arg(c.variant.name);
    return {};
}

QList<Variant> ComparePanel::checkedVariants() const
{
    QList<Variant> chosen;
    for (int i = 0; i < m_variants->count(); ++i) {
        if (m_variants->item(i)->checkState() == Qt::Checked)
            chosen << m_context->settings().variants.value(i);
    }
    return chosen;
}

Endpoint ComparePanel::endpointFor(const Variant &v) const
{
    const auto &profiles = m_context->settings().profiles;
    const auto it = std::find_if(profiles.cbegin(), profiles.cend(), [&v](const Endpoint &e) { return e.name == v.profile; });
    // The command line's endpoint is no profile but is in use: a variant made from it goes there.
    if (it != profiles.cend())
        return *it;
    if (v.profile == m_context->activeEndpoint().name)
        return m_context->activeEndpoint();
    // Saved from the command line's endpoint: its URL and kind came with it.
    return Endpoint(v.profile, endpointKindFromName(v.kind).value_or(EndpointKind::Proxy), v.url);
}

void ComparePanel::startRun(const QList<Variant> &variants)
{
    QList<Endpoint> endpoints;
    for (const Variant &v : variants)
        endpoints << endpointFor(v);
    const QTextCursor cursor = m_site->cursor();
    const QTextBlock block = cursor.block();
    const FimContext window = m_site->contextAt(cursor, m_site->contextLimits(), m_site->lineBreak());
    m_previousAsked = m_asked;
    m_asked.anchor = QTextCursor(m_site->document());
    m_asked.anchor.setPosition(cursor.position());
    m_asked.prefix = window.prefix;
    m_asked.limits = m_site->contextLimits();
    m_asked.lineBreak = m_site->lineBreak();
    m_asked.cleaning.lineRest = block.text().mid(cursor.positionInBlock());
    m_expectedCase = m_expected->takeFor(window.prefix, window.suffix);
    m_run.setTimeouts(m_context->client()->timeouts());
    QList<Variant> withContext = variants;
    for (Variant &v : withContext)
        m_site->addContext(window, v.context, v.request);
    m_run.start(withContext, endpoints, window.prefix, window.suffix);
    m_previous->setEnabled(!m_run.previous().isEmpty());
    setStatus(tr("Asking %n variant(s) at line %1…", nullptr, int(variants.size())).arg(block.blockNumber() + 1)
                  + expectedNote(),
              false);
    showColumns();
}

QString ComparePanel::shownText(const CompareRun::Column &c, bool previous, QString *cleaning) const
{
    AnswerCleaner::Context context = asked(previous).cleaning;
    context.stops = c.variant.request.stop;
    context.family = FimBackend::answerFamily(c.endpoint, c.variant.request.model.isEmpty() ? c.result.model : c.variant.request.model);
    const AnswerCleaner::Cleaned cleaned = AnswerCleaner::clean(c.result.text, context, m_site->cleaningRules());
    *cleaning = AnswerCleaner::describe(cleaned.steps);
    return cleaned.text;
}

void ComparePanel::showColumns()
{
    const bool previous = m_previous->isChecked() && !m_run.previous().isEmpty();
    const QList<CompareRun::Column> &columns = previous ? m_run.previous() : m_run.columns();
    while (m_columns.size() < columns.size()) {
        auto *column = new CompareColumn(this);
        const int index = int(m_columns.size());
        connect(column, &CompareColumn::cancelRequested, this, [this, index] { m_run.cancel(index); });
        connect(column, &CompareColumn::insertRequested, this, [this, index] { insert(index); });
        m_columnRow->addWidget(column, 1);
        m_columns.append(column);
    }
    m_hint->setVisible(columns.isEmpty());
    const KSyntaxHighlighting::Definition definition = m_repository.definitionForName(m_site->definitionName());
    for (int i = 0; i < m_columns.size(); ++i) {
        CompareColumn *column = m_columns.at(i);
        column->setVisible(i < columns.size());
        if (i >= columns.size())
            continue;
        column->setHighlighting(definition, m_site->theme());
        QString cleaning;
        const QString shown = shownText(columns.at(i), previous, &cleaning);
        column->show(columns.at(i), shown, cleaning, previous);
    }
    refreshInsert();
    refreshScores();
}

QString ComparePanel::expectedNote() const
{
    return m_expectedCase.isEmpty() ? QString() : tr(" Expected: the answer of the case “%1”.").arg(m_expectedCase);
}

void ComparePanel::rememberCase(const SuiteCase &suiteCase)
{
    m_expected->rememberCase(suiteCase);
}

void ComparePanel::refreshScores()
{
    const bool previous = m_previous->isChecked() && !m_run.previous().isEmpty();
    const QList<CompareRun::Column> &columns = previous ? m_run.previous() : m_run.columns();
    const IdentifierLexer::Language language = IdentifierLexer::languageNamed(m_site->definitionName());
    for (qsizetype i = 0; i < std::min(columns.size(), m_columns.size()); ++i) {
        std::optional<CompletionScores> scores;
        if (columns.at(i).state == CompareRun::Column::State::Answered) {
            QString cleaning;
            scores = m_expected->scoresOf(shownText(columns.at(i), previous, &cleaning), language);
        }
        m_columns.at(i)->setScores(scores);
    }
}

QString ComparePanel::insertBlocked(const Asked &asked) const
{
    if (asked.anchor.isNull() || asked.anchor.document() != m_site->document())
        return tr("This run was asked in another document.");
    // The prefix the run sent, read again at the place it was asked (the place moved with every
    // edit): the answers fit there only while it is the same text.
    const FimContext now = m_site->contextAt(asked.anchor, asked.limits, asked.lineBreak);
    if (now.prefix != asked.prefix)
        return tr("The text before the place this run was asked has changed since, so its answer may not fit there "
                  "any more. Undo the change, or run again.");
    return {};
}

void ComparePanel::refreshInsert()
{
    const bool previous = m_previous->isChecked() && !m_run.previous().isEmpty();
    const qsizetype shown = (previous ? m_run.previous() : m_run.columns()).size();
    if (shown == 0)
        return;
    const QString why = insertBlocked(asked(previous));
    for (qsizetype i = 0; i < std::min(shown, m_columns.size()); ++i)
        m_columns.at(i)->setInsertBlocked(why);
}

void ComparePanel::insert(int index)
{
    const bool previous = m_previous->isChecked() && !m_run.previous().isEmpty();
    const QList<CompareRun::Column> &columns = previous ? m_run.previous() : m_run.columns();
    const Asked &where = asked(previous);
    if (index >= columns.size() || !insertBlocked(where).isEmpty())
        return;
    QString cleaning;
    const QString text = shownText(columns.at(index), previous, &cleaning);
    if (text.isEmpty())
        return;
    m_site->insert(where.anchor, text);
    setStatus(tr("Inserted the answer of “%1” (Ctrl+Z takes it out).").arg(columns.at(index).variant.name), false);
}

void ComparePanel::setPreviousShown(bool shown)
{
    m_previous->setChecked(shown);
}

void ComparePanel::setStatus(const QString &text, bool error)
{
    m_status->setFullText(error ? tr("⚠ %1").arg(text) : text);
}

QString ComparePanel::statusText() const
{
    return m_status->fullText();
}
