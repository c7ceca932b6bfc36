import type {LintOptions} from '../engine.js'

/** What `cluelint playground` bakes into the page (a JSON data block read by app.ts). */
export interface PlaygroundSettings {
  version: string
  /** The config file the options come from, as the user named it. */
  configFile?: string
  options: Pick<LintOptions, 'rules' | 'ruleOptions' | 'channel' | 'template' | 'lang' | 'customRules'>
}
