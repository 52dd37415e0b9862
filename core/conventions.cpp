#include "conventions.h"

namespace poolviz {

std::optional<Message> noEffectMessage(const PoolParams &p, Setting setting)
{
    const auto message = [](MessageId id, std::vector<std::string> args = {}) {
        return std::optional<Message>(Message{id, std::move(args)});
    };
    switch (setting) {
    case Setting::CeilMode:
        if (p.isAdaptive())
            return message(MessageId::NoEffectCeilAdaptive);
        if (p.isSame())
            return message(MessageId::NoEffectCeilSame);
        return {};
    case Setting::CountIncludePad:
        if (p.mode != PoolMode::Avg)
            return message(MessageId::NoEffectCountPadMode, {modeName(p.mode)});
        if (p.isAdaptive())
            return message(MessageId::NoEffectCountPadAdaptive);
        if (p.divisorOverride)
            return message(MessageId::NoEffectCountPadOverride);
        if (p.isSame())
            return message(MessageId::NoEffectCountPadSame);
        if (p.paddingMode == PaddingMode::Valid)
            return message(MessageId::NoEffectCountPadValid);
        return {};
    case Setting::Divisor:
        if (p.mode != PoolMode::Avg)
            return message(MessageId::NoEffectDivisorMode, {modeName(p.mode)});
        if (p.isAdaptive())
            return message(MessageId::NoEffectDivisorAdaptive);
        return {};
    }
    return {};
}

std::string noEffectReason(const PoolParams &p, Setting setting)
{
    const std::optional<Message> m = noEffectMessage(p, setting);
    return m ? m->text() : std::string();
}

} // namespace poolviz
