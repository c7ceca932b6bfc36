/**
 * Counting the work of a function by the array operations it does, without a
 * clock (the machine running the tests may be busy; a count is the same on
 * every run).
 *
 * While `arrayWork(fn)` runs, the array methods that walk, copy or shift
 * elements count what they touch: each callback call of `some`, `find`,
 * `filter`, `map`, `every`, `forEach`, `findIndex`, `reduce`, `flatMap`; each
 * element `slice`, `concat` and `flat` copy; each element `splice`, `shift`
 * and `unshift` move; each element `indexOf`, `lastIndexOf` and `includes`
 * compare; each element `push` appends. The quadratic patterns found in
 * cluelint (`list.some` over everything found so far, `words.concat` per
 * unit, `children.slice(2)` per elision, `splice` in a loop) are such
 * operations: a function whose count grows four times when its input does
 * is linear, sixteen times quadratic.
 */

const COUNTED_CALLBACKS = ['some', 'find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'map', 'every', 'forEach', 'reduce', 'reduceRight', 'flatMap'] as const

let count = 0
let active = false

type AnyArray = unknown[]

/** Runs `fn` and returns its result and the number of array operations it did (see above). */
export function arrayWork<T>(fn: () => T): {result: T; work: number} {
  const stop = startCounting()
  try {
    const result = fn()
    return {result, work: count}
  } finally {
    stop()
  }
}

/** `arrayWork` for an async function (nothing else may run meanwhile: the count is global). */
export async function arrayWorkAsync<T>(fn: () => Promise<T>): Promise<{result: T; work: number}> {
  const stop = startCounting()
  try {
    const result = await fn()
    return {result, work: count}
  } finally {
    stop()
  }
}

function startCounting(): () => void {
  if (active) throw new Error('arrayWork does not nest')
  const proto = Array.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
  const saved = new Map<string, (...args: unknown[]) => unknown>()
  const wrap = (name: string, cost: (self: AnyArray, args: unknown[], result: unknown) => number) => {
    const original = proto[name]
    saved.set(name, original)
    Object.defineProperty(Array.prototype, name, {
      configurable: true,
      writable: true,
      enumerable: false,
      value: function (this: AnyArray, ...args: unknown[]) {
        const result = original.apply(this, args)
        count += cost(this, args, result)
        return result
      }
    })
  }
  for (const name of COUNTED_CALLBACKS) {
    const original = proto[name]
    saved.set(name, original)
    Object.defineProperty(Array.prototype, name, {
      configurable: true,
      writable: true,
      enumerable: false,
      value: function (this: AnyArray, callback: (...args: unknown[]) => unknown, ...rest: unknown[]) {
        if (typeof callback !== 'function') return original.call(this, callback, ...rest)
        const counted = function (this: unknown, ...args: unknown[]) {
          count++
          return callback.apply(this, args)
        }
        return original.call(this, counted, ...rest)
      }
    })
  }
  wrap('slice', (_, __, result) => (result as AnyArray).length)
  wrap('concat', (_, __, result) => (result as AnyArray).length)
  wrap('flat', (_, __, result) => (result as AnyArray).length)
  // splice: the elements after the start move (or are removed); the array's length after is a fair bound.
  wrap('splice', (self, args) => 1 + Math.max(0, self.length - Math.min(self.length, Math.max(0, Number(args[0]) || 0))))
  wrap('shift', (self) => 1 + self.length)
  wrap('unshift', (self) => self.length)
  wrap('indexOf', (self, _, result) => ((result as number) === -1 ? self.length : (result as number) + 1))
  wrap('lastIndexOf', (self, _, result) => ((result as number) === -1 ? self.length : self.length - (result as number)))
  wrap('includes', (self) => self.length)
  wrap('push', (_, args) => args.length)
  count = 0
  active = true
  return () => {
    active = false
    for (const [name, original] of saved) {
      Object.defineProperty(Array.prototype, name, {configurable: true, writable: true, enumerable: false, value: original})
    }
  }
}

/**
 * The growth of `fn`'s work from `n` to `factor × n`: about `factor` when it
 * is linear, `factor²` when quadratic. `fn` runs once at each size.
 */
export function growth(fn: (n: number) => unknown, n: number, factor = 4): {small: number; large: number; ratio: number} {
  const small = arrayWork(() => fn(n)).work
  const large = arrayWork(() => fn(n * factor)).work
  return {small, large, ratio: large / Math.max(1, small)}
}
