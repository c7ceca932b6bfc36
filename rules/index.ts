import type {Rule} from '../src/rule.js'
import buzzwordOveruse from './buzzword-overuse/index.js'
import cannedPersonalization from './canned-personalization/index.js'
import flattery from './flattery/index.js'
import marketingSpeak from './marketing-speak/index.js'
import unfilledMergeField from './unfilled-merge-field/index.js'
import length from './length/index.js'
import readability from './readability/index.js'
import selfCentredOpening from './self-centred-opening/index.js'
import readerFocus from './reader-focus/index.js'
import nameRepetition from './name-repetition/index.js'
import missingThanks from './missing-thanks/index.js'
import askWithoutThanks from './ask-without-thanks/index.js'
import multipleAsks from './multiple-asks/index.js'
import typography from './typography/index.js'

/** Every rule cluelint knows, in the order `cluelint rules` lists them. */
export const rules: ReadonlyArray<Rule<any, any>> = [buzzwordOveruse, missingThanks, selfCentredOpening, readerFocus, unfilledMergeField, cannedPersonalization, nameRepetition, askWithoutThanks, flattery, marketingSpeak, length, readability, multipleAsks, typography]
