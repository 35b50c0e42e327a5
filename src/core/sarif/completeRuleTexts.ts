import type { ReportingDescriptor } from 'sarif';

/**
 * Fills the texts GitHub code scanning requires of every rule (short description, full
 * description, help) from what the rule has, in place. Other fields are left untouched.
 */
export function completeRuleTexts(rule: ReportingDescriptor): ReportingDescriptor {
  const short = rule.shortDescription?.text ?? rule.name ?? rule.id;
  rule.shortDescription = { ...rule.shortDescription, text: short };
  const full = rule.fullDescription?.text ?? short;
  rule.fullDescription = { ...rule.fullDescription, text: full };
  const help =
    rule.help?.text ?? (rule.helpUri === undefined ? full : `${full} See ${rule.helpUri}`);
  rule.help = { ...rule.help, text: help };
  return rule;
}
