// The compiled check as generated JavaScript: one function per object, array and record schema, each
// reading its fields by name. It runs an order of magnitude faster than the same check built from
// closures (a page of 50 Nutshell leads: about 7 µs against 50-85 µs); the check was most of what the
// SDK added to a large list.
// The source holds no value from a server or a user: keys are quoted with JSON.stringify and literal
// values are passed in as constants, never written into the source.

import type { Check } from './closure-check'
import {
  type Accepts,
  ANY,
  BOOLEAN,
  describeSchema,
  NULL,
  NUMBER,
  type ObjectShape,
  type SchemaNode,
  STRING,
  tooDeep,
  UNDEFINED,
} from './describe-schema'

class Generator {
  readonly helpers: string[] = []
  readonly constants: unknown[] = []
  // One helper per schema node, however often the node is reused (a lead holds six time values).
  private readonly shapes = new Map<SchemaNode, string>()
  private readonly arrays = new Map<SchemaNode, string>()

  /** A JavaScript expression that is true when `x` (a variable name) fits `node`. */
  test(node: SchemaNode, x: string, depth: number): string {
    tooDeep(depth)
    return this.accepts(describeSchema(node), x, depth)
  }

  private accepts(accepts: Accepts, x: string, depth: number): string {
    if (accepts.classes & ANY) return 'true'
    const tests: string[] = []
    if (accepts.classes & UNDEFINED) tests.push(`${x} === undefined`)
    if (accepts.classes & NULL) tests.push(`${x} === null`)
    if (accepts.classes & STRING) tests.push(`typeof ${x} === "string"`)
    if (accepts.classes & NUMBER) tests.push(`(typeof ${x} === "number" && Number.isFinite(${x}))`)
    if (accepts.classes & BOOLEAN) tests.push(`typeof ${x} === "boolean"`)
    if (accepts.values.length) tests.push(`${this.constant(new Set(accepts.values))}.has(${x})`)
    if (accepts.objects.length) {
      const calls = accepts.objects.map((shape) => `${this.shape(shape, depth + 1)}(${x})`)
      tests.push(
        `(typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x}) && (${calls.join(' || ')}))`,
      )
    }
    if (accepts.arrays.length) {
      const calls = accepts.arrays.map((element) => `${this.array(element, depth + 1)}(${x})`)
      tests.push(`(Array.isArray(${x}) && (${calls.join(' || ')}))`)
    }
    for (const { base, rules } of accepts.guarded) {
      const passes = rules.map((rule) => `${this.constant(rule)}(${x})`)
      tests.push(`(${this.accepts(base, x, depth)} && ${passes.join(' && ')})`)
    }
    return tests.length ? `(${tests.join(' || ')})` : 'false'
  }

  /** An expression for `value` (a Set of literals, a rule), passed in rather than written into the source. */
  private constant(value: unknown): string {
    return `c[${this.constants.push(value) - 1}]`
  }

  private helper(names: Map<SchemaNode, string>, key: SchemaNode, body: (name: string) => string): string {
    const known = names.get(key)
    if (known) return known
    const name = `h${this.helpers.length}`
    names.set(key, name)
    const slot = this.helpers.push('') - 1
    this.helpers[slot] = body(name)
    return name
  }

  private array(element: SchemaNode, depth: number): string {
    return this.helper(
      this.arrays,
      element,
      (name) =>
        `function ${name}(v) { for (let i = 0; i < v.length; i++) { const y = v[i]; if (!${this.test(element, 'y', depth)}) return false } return true }`,
    )
  }

  private shape(shape: ObjectShape, depth: number): string {
    if (shape.kind === 'record')
      return this.helper(
        this.shapes,
        shape.node,
        (name) =>
          `function ${name}(v) { for (const y of Object.values(v)) if (!${this.test(shape.value, 'y', depth)}) return false; return true }`,
      )
    return this.helper(this.shapes, shape.node, (name) => {
      const fields = shape.fields.map(({ key, node, mustBePresent }, i) => {
        const quoted = JSON.stringify(key)
        const present = mustBePresent ? ` || !(${quoted} in v)` : ''
        return `const y${i} = v[${quoted}]; if (!${this.test(node, `y${i}`, depth)}${present}) return false;`
      })
      const known = shape.strict && this.constant(new Set(shape.fields.map(({ key }) => key)))
      const extra = known ? `for (const k of Object.keys(v)) if (!${known}.has(k)) return false;` : ''
      return `function ${name}(v) { ${fields.join(' ')} ${extra} return true }`
    })
  }
}

/**
 * Generates the predicate for `node`. Throws UNSUPPORTED where zod must decide, and whatever `Function`
 * throws where the runtime forbids generating code.
 */
export function generatedCheck(node: SchemaNode): Check {
  const generator = new Generator()
  const root = generator.test(node, 'v', 0)
  const source = `${generator.helpers.join('\n')}\nreturn function check(v) { return ${root} }`
  return new Function('c', source)(generator.constants) as Check
}
