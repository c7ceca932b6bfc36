import retextEnglish from 'retext-english'
import {definePack} from '../../src/lang/pack.js'
import courtesy from './courtesy.json' with {type: 'json'}
import detection from './detection.json' with {type: 'json'}
import frame from './frame.json' with {type: 'json'}
import inclusive from './inclusive.json' with {type: 'json'}
import inflection from './inflection.json' with {type: 'json'}
import negation from './negation.json' with {type: 'json'}
import {syllables} from './syllables.js'
import {baseVerbs} from './verbs.js'

export default definePack({
  code: 'en',
  name: 'English',
  parser: retextEnglish,
  detection,
  frame,
  inflection: inflection as {suffixes: Array<[string, string]>},
  negation,
  courtesy,
  inclusive,
  baseVerbs,
  syllables
})
