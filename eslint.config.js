// `npm run lint`: typescript-eslint's recommended rules for the TypeScript, and
// eslint-plugin-regexp for the regular expressions: their mistakes, and patterns
// whose matching time grows faster than the input (the rules and readers run on
// any draft, hostile ones included).
import js from '@eslint/js'
import regexp from 'eslint-plugin-regexp'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// `f(...list)` puts every element on the stack: a long list (a big draft's tokens,
// a campaign's findings) overflows it. Loop or reduce instead.
const callSpread = {
  selector: ':matches(CallExpression, NewExpression) > SpreadElement',
  message: 'A call spread puts every element on the stack and overflows it on big input: loop instead.'
}

export default tseslint.config(
  {ignores: ['dist/', 'coverage/', 'node_modules/', 'bench/out/', 'test/.tmp/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    languageOptions: {globals: {...globals.node}},
    linterOptions: {reportUnusedDisableDirectives: 'error'},
    rules: {
      // `Rule<any, any>`: a list of rules each with its own data and options types.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true}],
      'no-empty': ['error', {allowEmptyCatch: true}],
      // Spelling preferences of a pattern (`\w` for `[a-zA-Z0-9_]`, `i` for `[aA]`…), not mistakes.
      'regexp/prefer-w': 'off',
      'regexp/prefer-d': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/prefer-question-quantifier': 'off',
      'regexp/negation': 'off',
      'regexp/no-useless-escape': 'off',
      'regexp/no-useless-character-class': 'off',
      'regexp/no-unused-capturing-group': 'off'
    }
  },
  {
    // What reads drafts: any pattern that can backtrack or move superlinearly is an error,
    // including patterns built from parts (`new RegExp([...].join('|'))`).
    files: ['src/**/*.ts', 'rules/**/*.ts', 'langs/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', callSpread],
      'regexp/no-super-linear-backtracking': ['error', {report: 'potential'}],
      'regexp/no-super-linear-move': ['error', {report: 'potential', ignoreSticky: false, ignorePartial: false}]
    }
  },
  {
    // Tests, benchmarks and scripts read their own text: escapes of the terminal are matched on purpose.
    files: ['test/**', 'bench/**', 'scripts/**', '*.ts', '*.js'],
    rules: {'no-control-regex': 'off'}
  }
)
