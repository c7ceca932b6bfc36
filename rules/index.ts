// Written by `npm run rules` (scripts/rules.js) from the folders of rules/: do not edit.
import type {Rule} from '../src/rule.js'
import {dataRule, type DataRuleSpec} from '../src/kinds.js'
import rule_buzzword_overuse from './buzzword-overuse/index.js'
import rule_missing_thanks from './missing-thanks/index.js'
import rule_self_centred_opening from './self-centred-opening/index.js'
import rule_reader_focus from './reader-focus/index.js'
import rule_unfilled_merge_field from './unfilled-merge-field/index.js'
import rule_canned_personalization from './canned-personalization/index.js'
import rule_name_repetition from './name-repetition/index.js'
import rule_ask_without_thanks from './ask-without-thanks/index.js'
import rule_flattery from './flattery/index.js'
import rule_marketing_speak_rule from './marketing-speak/rule.json' with {type: 'json'}
import rule_marketing_speak_en from './marketing-speak/en.json' with {type: 'json'}
import rule_marketing_speak_fr from './marketing-speak/fr.json' with {type: 'json'}
import rule_marketing_speak_messages from './marketing-speak/messages.json' with {type: 'json'}
import rule_marketing_speak_examples from './marketing-speak/examples.json' with {type: 'json'}
import rule_length from './length/index.js'
import rule_readability from './readability/index.js'
import rule_multiple_asks from './multiple-asks/index.js'
import rule_typography from './typography/index.js'

const rule_marketing_speak = dataRule({...(rule_marketing_speak_rule as Omit<DataRuleSpec, 'data' | 'messages'>), data: {en: rule_marketing_speak_en, fr: rule_marketing_speak_fr}, messages: rule_marketing_speak_messages, examples: rule_marketing_speak_examples})

/** Every rule cluelint knows, in the order `cluelint rules` lists them. */
export const rules: ReadonlyArray<Rule<any, any>> = [rule_buzzword_overuse, rule_missing_thanks, rule_self_centred_opening, rule_reader_focus, rule_unfilled_merge_field, rule_canned_personalization, rule_name_repetition, rule_ask_without_thanks, rule_flattery, rule_marketing_speak, rule_length, rule_readability, rule_multiple_asks, rule_typography]
