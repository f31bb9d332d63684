/**
 * record-kubectl-help writes src/clients/kubectl/help/<command>.ts from the real kubectl 1.35:
 * `kubectl <command> [<subcommand>] --help` for every command the lab emulates, so `kubectl … -h`
 * prints exactly what a learner will see on a real machine. Run it after adding a command:
 *   node --import ./node_modules/tsx/dist/esm/index.mjs src/testing/golden/record-kubectl-help.ts
 * The golden test kubectl-help.test.ts checks the recorded texts against the binary.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oracleAvailable, REPO_ROOT, runOracle } from '../oracle.ts';
import { HELP_COMMANDS } from './help-commands.ts';

function constName(file: string): string {
  return `${file.toUpperCase().replace(/-/g, '_')}_HELP`;
}

function literal(text: string): string {
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

function record(): void {
  if (!oracleAvailable()) throw new Error('the real kubectl is not available (npm ci installs it)');
  for (const [file, paths] of Object.entries(HELP_COMMANDS)) {
    const entries = paths.map((path) => {
      // `kubectl options` is itself the help of the global flags (its own --help prints nothing).
      const result = runOracle(path === 'options' ? ['options'] : [...(path ? path.split(' ') : []), '--help']);
      if (result.exitCode !== 0) throw new Error(`kubectl ${path} --help exited ${result.exitCode}: ${result.stderr}`);
      return `  ${JSON.stringify(path)}: ${literal(result.stdout)},`;
    });
    const title = file === 'kubectl' ? '`kubectl --help` and `kubectl options`' : `\`kubectl ${file}\``;
    const source = `/** The help of ${title}, recorded from kubectl 1.35 by src/testing/golden/record-kubectl-help.ts. */\nexport const ${constName(file)}: Record<string, string> = {\n${entries.join('\n')}\n};\n`;
    writeFileSync(join(REPO_ROOT, 'src', 'clients', 'kubectl', 'help', `${file}.ts`), source);
  }
  const imports = Object.keys(HELP_COMMANDS)
    .map((file) => `import { ${constName(file)} } from './${file}.ts';`)
    .join('\n');
  const spread = Object.keys(HELP_COMMANDS)
    .map((file) => `  ...${constName(file)},`)
    .join('\n');
  writeFileSync(
    join(REPO_ROOT, 'src', 'clients', 'kubectl', 'help', 'index.ts'),
    `${imports}\n\n/** HELP_TEXTS holds kubectl's own --help output per command path ('rollout status'); '' is \`kubectl --help\`. */\nexport const HELP_TEXTS: Record<string, string> = {\n${spread}\n};\n`,
  );
}

record();
