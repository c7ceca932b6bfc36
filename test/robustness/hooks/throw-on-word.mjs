// Test hook, preloaded with `node --import` (worker threads inherit it): linting a draft that holds
// the word "Zqxthrow" throws, as a rule or parser meeting input it cannot take would. Nothing in
// cluelint knows of it. (Capitalised: a word with a capital goes through String.prototype.normalize
// when its key is made; plain lower-case ASCII is already its own key.)
const normalize = String.prototype.normalize
String.prototype.normalize = function (...args) {
  if (String(this) === 'Zqxthrow') throw new TypeError('test hook: zqxthrow cannot be linted')
  return normalize.apply(this, args)
}
