import {definePack} from '../../src/lang/pack.js'
import courtesy from './courtesy.json' with {type: 'json'}
import detection from './detection.json' with {type: 'json'}
import frame from './frame.json' with {type: 'json'}
import inclusive from './inclusive.json' with {type: 'json'}
import inflection from './inflection.json' with {type: 'json'}
import negation from './negation.json' with {type: 'json'}
import {syllables} from './syllables.js'
import {baseVerbs} from './verbs.js'
import retextFrench from './parser.js'

export default definePack({
  code: 'fr',
  name: 'French',
  parser: retextFrench,
  detection,
  frame,
  inflection: inflection as {suffixes: Array<[string, string]>},
  elisions: ['j', 'l', 'qu', 'n', 'd', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu'],
  negation,
  courtesy,
  inclusive,
  baseVerbs,
  syllables
})
