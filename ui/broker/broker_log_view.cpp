#include "broker_log_view.h"

#include "broker/broker_supervisor.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The supervisor keeps 2000 lines; the view keeps as many.
constexpr int kMaxLines = 2000;

} // namespace

BrokerLogView::BrokerLogView(BrokerSupervisor *supervisor, QWidget *parent)
    : QWidget(parent)
    , m_lines(supervisor->logLines())
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("brokerLogFilter"));
    m_filter->setPlaceholderText(tr("Search the broker log…"));
    m_filter->setClearButtonEnabled(true);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("brokerLog"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMaximumBlockCount(kMaxLines);
    m_text->setFont(QFont(QStringLiteral("monospace")));
    m_count = new QLabel(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_count);

    connect(m_filter, &QLineEdit::textChanged, this, &BrokerLogView::rebuild);
    connect(supervisor, &BrokerSupervisor::logLine, this, &BrokerLogView::appendLine);
    rebuild();
}

void BrokerLogView::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QString BrokerLogView::visibleText() const
{
    return m_text->toPlainText();
}

void BrokerLogView::addNote(const QString &text)
{
    appendLine(tr("LineScope: %1").arg(text));
}

void BrokerLogView::appendLine(const QString &line)
{
    m_lines.append(line);
    if (m_lines.size() > kMaxLines)
        m_lines.removeFirst();
    const QString filter = m_filter->text();
    if (!filter.isEmpty() && !line.contains(filter, Qt::CaseInsensitive))
        return;
    m_text->appendPlainText(line);
    m_shown = std::min(m_shown + 1, kMaxLines);
    showCount();
}

void BrokerLogView::rebuild()
{
    const QString filter = m_filter->text();
    QStringList shown;
    for (const QString &line : std::as_const(m_lines)) {
        if (filter.isEmpty() || line.contains(filter, Qt::CaseInsensitive))
            shown << line;
    }
    m_shown = int(shown.size());
    m_text->setPlainText(shown.join(QLatin1Char('\n')));
    showCount();
}

void BrokerLogView::showCount()
{
    m_count->setText(m_filter->text().isEmpty() ? tr("%n line(s)", nullptr, m_shown)
                                                : tr("%n matching line(s)", nullptr, m_shown));
}
