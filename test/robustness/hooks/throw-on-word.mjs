// Test hook, preloaded with `node --import` (worker threads inherit it): linting a draft that holds
// the word "zqxthrow" throws, as a rule or parser meeting input it cannot take would. Nothing in
// cluelint knows of it.
const normalize = String.prototype.normalize
String.prototype.normalize = function (...args) {
  if (String(this) === 'zqxthrow') throw new TypeError('test hook: zqxthrow cannot be linted')
  return normalize.apply(this, args)
}
