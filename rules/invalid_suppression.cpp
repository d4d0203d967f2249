// invalid-suppression: a copydesk directive that cannot act. The engine reports it
// (Suppressions::apply in linter/src/suppression.cpp), which reads the directives; this file
// registers the id and its documentation.

#include "copydesk/registry.hpp"
#include "copydesk/suppression.hpp"

namespace copydesk {

using InvalidSuppression = EngineReportedRule<kInvalidSuppressionMeta>;
COPYDESK_REGISTER_RULE(InvalidSuppression, "invalid_suppression");

}  // namespace copydesk
