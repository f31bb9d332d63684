import { fail, ok, type Invocation, type Program } from '../sh/program.ts';
import { option } from './common.ts';

/** Database clients, as probes use them: redis-cli ping, mysqladmin ping, pg_isready, psql, mysql. */
/** clientTarget reads -h/-p (or --host/--port) for database clients; localhost by default. */
function clientTarget(inv: Invocation, defaultPort: number): { host: string; port: number } {
  const args = inv.argv.slice(1);
  const host =
    option(args, '-h', '--host') ?? args.find((a) => a.startsWith('-h') && a.length > 2)?.slice(2) ?? 'localhost';
  const port = Number(option(args, '-p', '--port', '-P') ?? defaultPort);
  return { host, port: Number.isFinite(port) && port > 0 ? port : defaultPort };
}

const redisCli: Program = (inv) => {
  const { host, port } = clientTarget(inv, 6379);
  const words = inv.argv
    .slice(1)
    .filter((a, i, all) => !a.startsWith('-') && !['-h', '-p', '-a', '-n'].includes(all[i - 1] ?? ''));
  const state = inv.net.tcp(host, port, 5000);
  if (state !== 'open')
    return fail(
      `Could not connect to Redis at ${host === 'localhost' ? '127.0.0.1' : host}:${port}: ${state === 'unresolved' ? 'Name or service not known' : 'Connection refused'}`,
    );
  const cmd = (words[0] ?? '').toLowerCase();
  if (cmd === 'ping') return ok('PONG\n');
  if (cmd === 'set') return ok('OK\n');
  if (cmd === 'get') return ok('\n');
  if (cmd === 'info')
    return ok(`# Server\r\nredis_version:${inv.proc.image.version}\r\nredis_mode:standalone\r\ntcp_port:${port}\r\n`);
  return ok(`(error) ERR unknown command '${words[0] ?? ''}'\n`);
};

const mysqladmin: Program = (inv) => {
  const { host, port } = clientTarget(inv, 3306);
  if (inv.net.tcp(host, port, 5000) === 'open') return ok('mysqld is alive\n');
  if (host === 'localhost')
    return fail(
      `mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!`,
    );
  return fail(
    `mysqladmin: connect to server at '${host}' failed\nerror: 'Can't connect to MySQL server on '${host}:${port}' (111)'\nCheck that mysqld is running on ${host} and that the port is ${port}.\nYou can check this by doing 'telnet ${host} ${port}'`,
  );
};

const mysqlClient: Program = (inv) => {
  const { host, port } = clientTarget(inv, 3306);
  const state = inv.net.tcp(host, port, 5000);
  if (state === 'unresolved') return fail(`ERROR 2005 (HY000): Unknown MySQL server host '${host}' (-2)`);
  if (state !== 'open')
    return fail(
      host === 'localhost'
        ? `ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)`
        : `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:${port}' (111)`,
    );
  const query = option(inv.argv.slice(1), '-e', '--execute') ?? inv.stdin ?? '';
  const select = /select\s+(.+?);?\s*$/i.exec(query.trim());
  if (select) return ok(`${select[1]}\n${(select[1] ?? '').replace(/^'(.*)'$/, '$1')}\n`);
  if (/show\s+databases/i.test(query)) return ok('Database\ninformation_schema\nmysql\nperformance_schema\nsys\n');
  return ok('');
};

const pgIsready: Program = (inv) => {
  const { host, port } = clientTarget(inv, 5432);
  const label = host === 'localhost' ? `/var/run/postgresql:${port}` : `${host}:${port}`;
  return inv.net.tcp(host, port, 3000) === 'open'
    ? ok(`${label} - accepting connections\n`)
    : { status: 2, stdout: `${label} - no response\n` };
};

const psql: Program = (inv) => {
  const { host, port } = clientTarget(inv, 5432);
  const state = inv.net.tcp(host, port, 3000);
  if (state === 'unresolved')
    return fail(`psql: error: could not translate host name "${host}" to address: Name or service not known`, 2);
  if (state !== 'open') {
    return fail(
      host === 'localhost'
        ? `psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.${port}" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`
        : `psql: error: connection to server at "${host}" (${inv.net.resolve(host) ?? host}), port ${port} failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`,
      2,
    );
  }
  const query = option(inv.argv.slice(1), '-c', '--command') ?? '';
  if (/select\s+1/i.test(query)) return ok(' ?column? \n----------\n        1\n(1 row)\n\n');
  if (/select\s+version\(\)/i.test(query))
    return ok(
      `                                                       version\n---------------------------------------------------------------------------------------------------------------------\n PostgreSQL ${inv.proc.image.version} (Debian ${inv.proc.image.version}-1.pgdg12+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit\n(1 row)\n\n`,
    );
  return ok('');
};

export const CLIENT_PROGRAMS: Record<string, Program> = {
  'redis-cli': redisCli,
  mysqladmin,
  mysql: mysqlClient,
  pg_isready: pgIsready,
  psql,
  'mariadb-healthcheck': (inv) =>
    inv.net.tcp('localhost', 3306, 3000) === 'open' ? ok('') : fail('healthcheck connect failed'),
  mongosh: (inv) =>
    inv.net.tcp('localhost', 27017, 3000) === 'open'
      ? ok('{ ok: 1 }\n')
      : fail('MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017'),
};
