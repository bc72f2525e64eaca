#include "history/suggestionrecord.h"

#include <array>
#include <utility>

namespace {

constexpr std::array<std::pair<SuggestionOutcome, const char16_t *>, 6> Names{{
    {SuggestionOutcome::Accepted, u"accepted"},
    {SuggestionOutcome::Partial, u"partial"},
    {SuggestionOutcome::Dismissed, u"dismissed"},
    {SuggestionOutcome::TypedOver, u"typed_over"},
    {SuggestionOutcome::Replaced, u"replaced"},
    {SuggestionOutcome::Unused, u"unused"},
}};

} // namespace

QString suggestionOutcomeName(SuggestionOutcome outcome)
{
    for (const auto &[o, name] : Names) {
        if (o == outcome)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<SuggestionOutcome> suggestionOutcomeFromName(QStringView name)
{
    for (const auto &[o, n] : Names) {
        if (name == QStringView(n))
            return o;
    }
    return std::nullopt;
}
