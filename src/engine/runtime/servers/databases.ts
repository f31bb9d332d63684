import { fail, ok, type Program, type ProgramResult } from '../sh/program.ts';
import { imageDefaults, launch, LogBuilder, MiB, option, stableHex } from './common.ts';

/** rfc3339 is `date --rfc-3339=seconds`, the stamp the official database entrypoints print. */
function rfc3339(log: LogBuilder, t: number): string {
  return log.at(t, '%Y-%m-%d %H:%M:%S+00:00');
}

function firstSet(env: Record<string, string>, ...names: string[]): string | undefined {
  for (const n of names) if (env[n]) return env[n];
  return undefined;
}

/** mysqlEntrypoint follows docker-library/mysql's docker-entrypoint.sh (and MariaDB's variant). */
function mysqlEntrypoint(flavor: 'mysql' | 'mariadb'): Program {
  return (inv) => {
    let args = inv.argv.slice(1);
    if ((args[0] ?? '').startsWith('-')) args = [flavor === 'mysql' ? 'mysqld' : 'mariadbd', ...args];
    const server = args[0] ?? '';
    if (
      !['mysqld', 'mariadbd'].includes(server) ||
      args.some((a) => ['--help', '-V', '--version', '--verbose'].includes(a))
    )
      return { exec: args };
    const env = inv.env;
    const version = inv.proc.image.version;
    const label = flavor === 'mysql' ? `MySQL Server ${version}-1.el9` : `MariaDB Server 1:${version}+maria~ubu2404`;
    const d = imageDefaults(inv, flavor, {
      startupMs: flavor === 'mysql' ? 15000 : 6000,
      memoryBytes: (flavor === 'mysql' ? 420 : 96) * MiB,
      cpuMillis: 6,
    });
    const log = new LogBuilder(inv.now);
    const note = (t: number, text: string): void => void log.out(t, `${rfc3339(log, t)} [Note] [Entrypoint]: ${text}`);
    note(0, `Entrypoint script for ${label} started.`);
    note(40, `Switching to dedicated user 'mysql'`);
    note(80, `Entrypoint script for ${label} started.`);
    const initialized = inv.fs.exists('/var/lib/mysql/mysql');
    const mariadb = flavor === 'mariadb';
    const root = mariadb
      ? firstSet(
          env,
          'MARIADB_ROOT_PASSWORD',
          'MYSQL_ROOT_PASSWORD',
          'MARIADB_ROOT_PASSWORD_HASH',
          'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD',
          'MYSQL_ALLOW_EMPTY_PASSWORD',
          'MARIADB_RANDOM_ROOT_PASSWORD',
          'MYSQL_RANDOM_ROOT_PASSWORD',
        )
      : firstSet(env, 'MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD');
    const error = (text: string): ProgramResult => {
      log.err(400, `${rfc3339(log, 400)} [ERROR] [Entrypoint]: ${text}`);
      return launch(flavor, log.logs, {
        ports: [],
        memoryBytes: 8 * MiB,
        cpuMillis: 0,
        exitAfterMs: 420,
        exitCode: 1,
        sigterm: { afterMs: 1, code: 143 },
      });
    };
    if (!initialized && root === undefined) {
      return error(
        mariadb
          ? 'Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD'
          : 'Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD',
      );
    }
    const user = firstSet(env, 'MARIADB_USER', 'MYSQL_USER');
    if (!initialized && !mariadb && user === 'root') {
      return error(
        'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user\n    Remove MYSQL_USER="root" and use one of the following to control the root user password:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD',
      );
    }
    const ready = initialized ? Math.round(d.startupMs / 4) : d.startupMs;
    if (!initialized) {
      const step = Math.round(d.startupMs / 10);
      note(step, 'Initializing database files');
      note(step * 4, 'Database files initialized');
      note(step * 4 + 10, 'Starting temporary server');
      note(step * 6, 'Temporary server started.');
      if (firstSet(env, 'MYSQL_RANDOM_ROOT_PASSWORD', 'MARIADB_RANDOM_ROOT_PASSWORD')) {
        note(step * 6 + 10, `GENERATED ROOT PASSWORD: ${btoa(stableHex(inv.ctx.hostname + 'root', 18)).slice(0, 32)}`);
      }
      const database = firstSet(env, 'MARIADB_DATABASE', 'MYSQL_DATABASE');
      if (database) note(step * 7, `Creating database ${database}`);
      if (user && firstSet(env, 'MARIADB_PASSWORD', 'MYSQL_PASSWORD')) {
        note(step * 7 + 10, `Creating user ${user}`);
        if (database) note(step * 7 + 20, `Giving user ${user} access to schema ${database}`);
      }
      note(step * 8, 'Stopping temporary server');
      note(step * 9, 'Temporary server stopped');
      log.out(step * 9 + 5, '');
      note(step * 9 + 10, `${mariadb ? 'MariaDB' : 'MySQL'} init process done. Ready for start up.`);
      log.out(step * 9 + 15, '');
      inv.fs.mkdir('/var/lib/mysql/mysql', { parents: true, now: inv.now });
      if (database) inv.fs.mkdir(`/var/lib/mysql/${database}`, { parents: true, now: inv.now });
    }
    const stamp = log.iso(ready).replace('Z', '000Z');
    if (mariadb) {
      log.err(
        ready - 20,
        `${rfc3339(log, ready)} 0 [Note] Starting MariaDB ${version}-MariaDB-ubu2404 source revision 00000000 server_uid ${stableHex(inv.ctx.hostname, 27)} as process 1`,
      );
      log.err(
        ready,
        `${rfc3339(log, ready)} 0 [Note] mariadbd: ready for connections.\nVersion: '${version}-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution`,
      );
    } else {
      log.err(ready - 30, `${stamp} 0 [System] [MY-015015] [Server] MySQL Server - start.`);
      log.err(
        ready - 20,
        `${stamp} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${version}) starting as process 1`,
      );
      log.err(
        ready,
        `${stamp} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
      );
      log.err(
        ready,
        `${stamp} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
      );
    }
    return launch(flavor, log.logs, {
      readyAfterMs: ready,
      ports: mariadb ? [3306] : [3306, 33060],
      memoryBytes: d.memoryBytes,
      memoryAfterMs: Math.round(ready / 2),
      cpuMillis: d.cpuMillis,
      sigterm: { afterMs: 1500, code: 0 },
    });
  };
}

const mysqld: Program = (inv) => {
  const mariadb = inv.proc.image.behavior.kind === 'server' && inv.proc.image.behavior.server === 'mariadb';
  if (inv.argv.includes('--version') || inv.argv.includes('-V'))
    return ok(`/usr/sbin/mysqld  Ver ${inv.proc.image.version} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
  if (!inv.fs.exists('/var/lib/mysql/mysql')) inv.fs.mkdir('/var/lib/mysql/mysql', { parents: true, now: inv.now });
  return mysqlEntrypoint(mariadb ? 'mariadb' : 'mysql')({
    ...inv,
    argv: ['docker-entrypoint.sh', mariadb ? 'mariadbd' : 'mysqld', ...inv.argv.slice(1)],
  });
};

/** postgresEntrypoint follows docker-library/postgres's docker-entrypoint.sh. */
const postgresEntrypoint: Program = (inv) => {
  let args = inv.argv.slice(1);
  if ((args[0] ?? '').startsWith('-')) args = ['postgres', ...args];
  if (args[0] !== 'postgres' || args.some((a) => ['--help', '-V', '--version', '--describe-config'].includes(a)))
    return { exec: args };
  const env = inv.env;
  const pgdata = env['PGDATA'] ?? '/var/lib/postgresql/data';
  const version = inv.proc.image.version;
  const major = version.split('.')[0] ?? '17';
  const d = imageDefaults(inv, 'postgres', { startupMs: 3000, memoryBytes: 38 * MiB, cpuMillis: 3 });
  const log = new LogBuilder(inv.now);
  const initialized = inv.fs.exists(`${pgdata}/PG_VERSION`);
  if (!initialized && !env['POSTGRES_PASSWORD'] && env['POSTGRES_HOST_AUTH_METHOD'] !== 'trust') {
    log.err(
      60,
      'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about "trust":\n       https://www.postgresql.org/docs/current/auth-trust.html',
    );
    return launch('postgres', log.logs, {
      ports: [],
      memoryBytes: 4 * MiB,
      cpuMillis: 0,
      exitAfterMs: 80,
      exitCode: 1,
      sigterm: { afterMs: 1, code: 143 },
    });
  }
  const pg = (t: number, pid: number, text: string): void =>
    void log.err(
      t,
      `${log.at(t, '%Y-%m-%d %H:%M:%S.')}${String((inv.now + t) % 1000).padStart(3, '0')} UTC [${pid}] LOG:  ${text}`,
    );
  const banner = `starting PostgreSQL ${version} (Debian ${version}-1.pgdg12+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit`;
  const ready = initialized ? Math.round(d.startupMs / 3) : d.startupMs;
  if (initialized) {
    log.out(0, '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n');
  } else {
    log.out(
      100,
      `The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\nThe database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n\nData page checksums are disabled.\n\nfixing permissions on existing directory ${pgdata} ... ok\ncreating subdirectories ... ok\nselecting dynamic shared memory implementation ... posix\nselecting default "max_connections" ... 100\nselecting default "shared_buffers" ... 128MB\nselecting default time zone ... Etc/UTC\ncreating configuration files ... ok\nrunning bootstrap script ... ok\nperforming post-bootstrap initialization ... ok\nsyncing data to disk ... ok\n\n\nSuccess. You can now start the database server using:\n\n    pg_ctl -D ${pgdata} -l logfile start\n`,
    );
    log.err(
      1200,
      'initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.',
    );
    log.out(1300, 'waiting for server to start....');
    pg(1400, 48, banner);
    pg(1410, 48, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
    pg(1450, 48, 'database system is ready to accept connections');
    log.out(1500, ' done\nserver started');
    const db = env['POSTGRES_DB'] ?? env['POSTGRES_USER'];
    if (db && db !== 'postgres') log.out(1600, 'CREATE DATABASE\n');
    log.out(1700, '\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n');
    log.out(1800, 'waiting for server to shut down....');
    pg(1810, 48, 'received fast shutdown request');
    pg(1900, 48, 'database system is shut down');
    log.out(2000, ' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n');
    inv.fs.mkdir(pgdata, { parents: true, mode: 0o700, now: inv.now });
    inv.fs.writeFile(`${pgdata}/PG_VERSION`, `${major}\n`, { mode: 0o600, now: inv.now });
  }
  pg(ready - 30, 1, banner);
  pg(ready - 25, 1, 'listening on IPv4 address "0.0.0.0", port 5432');
  pg(ready - 25, 1, 'listening on IPv6 address "::", port 5432');
  pg(ready - 20, 1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
  pg(ready - 10, 64, `database system was shut down at ${log.at(ready - 100, '%Y-%m-%d %H:%M:%S')} UTC`);
  pg(ready, 1, 'database system is ready to accept connections');
  return launch('postgres', log.logs, {
    readyAfterMs: ready,
    ports: [5432],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: ready,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 300, code: 0 },
  });
};

const mongoEntrypoint: Program = (inv) => {
  let args = inv.argv.slice(1);
  if ((args[0] ?? '').startsWith('-')) args = ['mongod', ...args];
  if (args[0] !== 'mongod') return { exec: args };
  const user = inv.env['MONGO_INITDB_ROOT_USERNAME'];
  const pass = inv.env['MONGO_INITDB_ROOT_PASSWORD'];
  if ((user && !pass) || (!user && pass)) {
    return fail(
      `error: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created`,
    );
  }
  return { exec: args };
};

const mongod: Program = (inv) => {
  const d = imageDefaults(inv, 'mongo', { startupMs: 2500, memoryBytes: 165 * MiB, cpuMillis: 10 });
  const log = new LogBuilder(inv.now);
  const json = (t: number, c: string, id: number, ctx: string, msg: string, attr = '{}'): void =>
    void log.out(
      t,
      `{"t":{"$date":"${log.iso(t).replace('Z', '+00:00')}"},"s":"I",  "c":"${c}", "id":${id}, "ctx":"${ctx}","msg":"${msg}","attr":${attr}}`,
    );
  json(
    0,
    'CONTROL',
    23285,
    'main',
    "Automatically disabling TLS 1.0 and TLS 1.1, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'",
  );
  json(
    10,
    'CONTROL',
    4615611,
    'initandlisten',
    'MongoDB starting',
    `{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"${inv.ctx.hostname}"}`,
  );
  json(d.startupMs, 'NETWORK', 23015, 'listener', 'Listening on', '{"address":"0.0.0.0"}');
  json(d.startupMs, 'NETWORK', 23016, 'listener', 'Waiting for connections', '{"port":27017,"ssl":"off"}');
  return launch('mongo', log.logs, {
    readyAfterMs: d.startupMs,
    ports: [27017],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: d.startupMs,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 500, code: 0 },
  });
};

const redisEntrypoint: Program = (inv) => {
  const args = inv.argv.slice(1);
  if ((args[0] ?? '').startsWith('-') || (args[0] ?? '').endsWith('.conf')) return { exec: ['redis-server', ...args] };
  return { exec: args.length ? args : ['redis-server'] };
};

const redisServer: Program = (inv) => {
  const args = inv.argv.slice(1);
  if (args.includes('--version') || args.includes('-v'))
    return ok(`Redis server v=${inv.proc.image.version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=1\n`);
  const d = imageDefaults(inv, 'redis', { startupMs: 150, memoryBytes: 3.2 * MiB, cpuMillis: 2 });
  const port = Number(option(args, '--port') ?? 6379);
  const config = args.find((a) => !a.startsWith('-') && a.endsWith('.conf'));
  const log = new LogBuilder(inv.now);
  const ts = (t: number, role: string): string =>
    `1:${role} ${log.at(t, '%d %b %Y %H:%M:%S.')}${String((inv.now + t) % 1000).padStart(3, '0')}`;
  log.out(
    0,
    `${ts(0, 'C')} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
  );
  log.out(1, `${ts(1, 'C')} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`);
  log.out(
    1,
    `${ts(1, 'C')} * Redis version=${inv.proc.image.version}, bits=64, commit=00000000, modified=1, pid=1, just started`,
  );
  log.out(
    1,
    config
      ? `${ts(1, 'C')} * Configuration loaded`
      : `${ts(1, 'C')} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
  );
  log.out(2, `${ts(2, 'M')} * monotonic clock: POSIX clock_gettime`);
  log.out(3, `${ts(3, 'M')} * Running mode=standalone, port=${port}.`);
  log.out(d.startupMs, `${ts(d.startupMs, 'M')} * Server initialized`);
  log.out(d.startupMs, `${ts(d.startupMs, 'M')} * Ready to accept connections tcp`);
  return launch('redis', log.logs, {
    readyAfterMs: d.startupMs,
    ports: [port],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: d.startupMs,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 100, code: 0 },
  });
};

export const DATABASE_PROGRAMS: Record<string, Program> = {
  'mysql-entrypoint': mysqlEntrypoint('mysql'),
  'mariadb-entrypoint': mysqlEntrypoint('mariadb'),
  mysqld,
  'postgres-entrypoint': postgresEntrypoint,
  postgres: (inv) =>
    inv.argv.includes('--version')
      ? ok(`postgres (PostgreSQL) ${inv.proc.image.version} (Debian ${inv.proc.image.version}-1.pgdg12+1)\n`)
      : postgresEntrypoint({ ...inv, argv: ['docker-entrypoint.sh', ...inv.argv] }),
  'mongo-entrypoint': mongoEntrypoint,
  mongod,
  'redis-entrypoint': redisEntrypoint,
  'redis-server': redisServer,
};
