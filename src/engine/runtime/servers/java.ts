import { parseQuantityBytes } from './stress.ts';
import { ok, type Invocation, type Program } from '../sh/program.ts';
import { imageDefaults, launch, LogBuilder, MiB, stableHex, versionAtLeast } from './common.ts';

function esJson(log: LogBuilder, t: number, level: string, message: string, logger: string, node: string): string {
  return `{"@timestamp":"${log.iso(t)}", "log.level": "${level}", "message":${JSON.stringify(message)}, "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"${logger}","elasticsearch.node.name":"${node}","elasticsearch.cluster.name":"docker-cluster"}`;
}

/** esHeapBytes follows Elasticsearch's container heap sizing: ES_JAVA_OPTS, else half the limit. */
function esMemory(inv: Invocation, fallback: number): number {
  const xmx = /-Xmx(\d+[kKmMgG]?)/.exec(inv.env['ES_JAVA_OPTS'] ?? '')?.[1];
  if (xmx) return parseQuantityBytes(xmx.replace(/([kKmMgG])$/, (u) => u.toUpperCase() + 'i')) + 320 * MiB;
  const limit = inv.ctx.memoryLimitBytes;
  if (limit !== undefined) return Math.round(limit / 2) + 320 * MiB;
  return fallback;
}

const elasticsearch: Program = (inv) => {
  if (inv.argv.includes('--version'))
    return ok(`Version: ${inv.proc.image.version}, Build: docker/00000000/2025-10-01T00:00:00.000Z, JVM: 24\n`);
  const env = inv.env;
  const version = inv.proc.image.version;
  const d = imageDefaults(inv, 'elasticsearch', { startupMs: 30000, memoryBytes: 1280 * MiB, cpuMillis: 40 });
  const node = env['node.name'] ?? inv.ctx.hostname;
  const log = new LogBuilder(inv.now);
  const docs = `https://www.elastic.co/guide/en/elasticsearch/reference/${version.split('.').slice(0, 2).join('.')}`;
  log.out(
    3000,
    esJson(
      log,
      3000,
      'INFO',
      `version[${version}], pid[1], build[docker/00000000/2025-10-01T00:00:00.000Z], OS[Linux/6.8.0-1027-gke/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/24/24+36-3646]`,
      'org.elasticsearch.node.Node',
      node,
    ),
  );
  const singleNode = env['discovery.type'] === 'single-node';
  const seeded = env['discovery.seed_hosts'] || env['cluster.initial_master_nodes'] || env['discovery.seed_providers'];
  if (!singleNode) {
    const failures = [
      `max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]; for more information see [${docs}/bootstrap-checks-max-map-count.html]`,
    ];
    if (!seeded)
      failures.push(
        `the default discovery settings are unsuitable for production use; at least one of [discovery.seed_hosts, discovery.seed_providers, cluster.initial_master_nodes] must be configured; for more information see [${docs}/bootstrap-checks-discovery-configuration.html]`,
      );
    const t = Math.round(d.startupMs * 0.6);
    const text = `node validation exception\n[${failures.length}] bootstrap checks failed. You must address the points described in the following [${failures.length}] lines before starting Elasticsearch. For more information see [${docs}/bootstrap-checks.html]\n${failures.map((f, i) => `bootstrap check failure [${i + 1}] of [${failures.length}]: ${f}`).join('\n')}`;
    log.out(t, esJson(log, t, 'ERROR', text, 'org.elasticsearch.bootstrap.Elasticsearch', node));
    log.err(
      t + 200,
      'ERROR: Elasticsearch did not exit normally - check the logs at /usr/share/elasticsearch/logs/docker-cluster.log',
    );
    return launch('elasticsearch', log.logs, {
      ports: [],
      memoryBytes: esMemory(inv, d.memoryBytes),
      memoryAfterMs: 4000,
      cpuMillis: 300,
      exitAfterMs: t + 300,
      exitCode: 78,
      sigterm: { afterMs: 500, code: 143 },
    });
  }
  const security = versionAtLeast(version, '8') && env['xpack.security.enabled'] !== 'false';
  log.out(
    d.startupMs - 500,
    esJson(
      log,
      d.startupMs - 500,
      'INFO',
      `publish_address {${inv.ctx.podIP ?? '127.0.0.1'}:9200}, bound_addresses {[::]:9200}`,
      'org.elasticsearch.http.AbstractHttpServerTransport',
      node,
    ),
  );
  log.out(
    d.startupMs,
    esJson(
      log,
      d.startupMs,
      'INFO',
      'started {' + node + '}{' + stableHex(node, 22) + '}',
      'org.elasticsearch.node.Node',
      node,
    ),
  );
  if (security) {
    log.out(
      d.startupMs + 200,
      `━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n✅ Elasticsearch security features have been automatically configured!\n✅ Authentication is enabled and cluster connections are encrypted.\n\nℹ️  Password for the elastic user (reset with \`bin/elasticsearch-reset-password -u elastic\`):\n  ${btoa(stableHex(node + 'elastic', 15)).slice(0, 20)}\n━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━`,
    );
  }
  return launch('elasticsearch', log.logs, {
    readyAfterMs: d.startupMs,
    ports: [9200, 9300],
    memoryBytes: esMemory(inv, d.memoryBytes),
    memoryAfterMs: 4000,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 2000, code: 143 },
    config: { node, version, security: security ? 'on' : 'off' },
  });
};

const kibana: Program = (inv) => {
  const d = imageDefaults(inv, 'kibana', { startupMs: 22000, memoryBytes: 420 * MiB, cpuMillis: 30 });
  const log = new LogBuilder(inv.now);
  const line = (t: number, level: string, logger: string, text: string): void =>
    void log.out(t, `[${log.iso(t).replace('Z', '+00:00')}][${level.padEnd(5)}][${logger}] ${text}`);
  line(2000, 'INFO', 'root', 'Kibana is starting');
  line(2500, 'INFO', 'node', `Kibana process configured with roles: [background_tasks, ui]`);
  const es = inv.env['ELASTICSEARCH_HOSTS'] ?? 'http://elasticsearch:9200';
  line(d.startupMs, 'INFO', 'http.server.Kibana', `http server running at http://0.0.0.0:5601`);
  line(d.startupMs + 500, 'INFO', 'status', 'Kibana is now available');
  return launch('kibana', log.logs, {
    readyAfterMs: d.startupMs,
    ports: [5601],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: 5000,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 1500, code: 0 },
    config: { elasticsearch: es },
  });
};

const filebeat: Program = (inv) => {
  const log = new LogBuilder(inv.now);
  const json = (t: number, logger: string, message: string): void =>
    void log.err(
      t,
      `{"log.level":"info","@timestamp":"${log.iso(t).replace('Z', '+0000')}","log.logger":"${logger}","log.origin":{"function":"github.com/elastic/beats/v7/libbeat/cmd/instance.(*Beat).configure","file.name":"instance/beat.go","file.line":1085},"message":${JSON.stringify(message)},"service.name":"filebeat","ecs.version":"1.6.0"}`,
    );
  json(
    500,
    'instance',
    'Home path: [/usr/share/filebeat] Config path: [/usr/share/filebeat] Data path: [/usr/share/filebeat/data] Logs path: [/usr/share/filebeat/logs]',
  );
  json(
    800,
    'instance',
    `Beat ID: ${stableHex(inv.ctx.hostname, 8)}-${stableHex(inv.ctx.hostname + 'b', 4)}-4${stableHex(inv.ctx.hostname + 'c', 3)}-8${stableHex(inv.ctx.hostname + 'd', 3)}-${stableHex(inv.ctx.hostname + 'e', 12)}`,
  );
  json(1500, 'crawler', 'Loading Inputs: 1');
  return launch('filebeat', log.logs, {
    ports: [],
    memoryBytes: 92 * MiB,
    memoryAfterMs: 1500,
    cpuMillis: 5,
    sigterm: { afterMs: 300, code: 0 },
  });
};

const jenkins: Program = (inv) => {
  const d = imageDefaults(inv, 'jenkins', { startupMs: 20000, memoryBytes: 520 * MiB, cpuMillis: 25 });
  const home = inv.env['JENKINS_HOME'] ?? '/var/jenkins_home';
  const secret = `${home}/secrets/initialAdminPassword`;
  const firstRun = !inv.fs.exists(secret);
  const password = stableHex(inv.ctx.hostname + 'jenkins', 32);
  const log = new LogBuilder(inv.now);
  const line = (t: number, id: number, text: string): void =>
    void log.err(
      t,
      `${log.at(t, '%Y-%m-%d %H:%M:%S.')}${String((inv.now + t) % 1000).padStart(3, '0')}+0000 [id=${id}]\tINFO\t${text}`,
    );
  log.err(200, `Running from: /usr/share/jenkins/jenkins.war\nwebroot: ${home}/war`);
  line(1500, 1, 'winstone.Logger#logInternal: Beginning extraction from war file');
  line(
    4000,
    1,
    `org.eclipse.jetty.server.Server#doStart: jetty-12.0.25; built: 2025-08-11T23:52:37.219Z; git: a862b76d8372e24205765182d9ef1d1d333ce2ea; jvm 21.0.8+9-LTS`,
  );
  line(9000, 1, `winstone.Logger#logInternal: Winstone Servlet Engine running: controlPort=disabled`);
  if (firstRun) {
    inv.fs.mkdir(`${home}/secrets`, { parents: true, now: inv.now });
    inv.fs.writeFile(secret, password + '\n', { now: inv.now });
    line(14000, 32, 'jenkins.install.SetupWizard#init: ');
    log.err(
      14000,
      `\n*************************************************************\n*************************************************************\n*************************************************************\n\nJenkins initial setup is required. An admin user has been created and a password generated.\nPlease use the following password to proceed to installation:\n\n${password}\n\nThis may also be found at: ${secret}\n\n*************************************************************\n*************************************************************\n*************************************************************\n`,
    );
  }
  line(d.startupMs - 300, 31, 'jenkins.InitReactorRunner$1#onAttained: Completed initialization');
  line(d.startupMs, 24, 'hudson.lifecycle.Lifecycle#onReady: Jenkins is fully up and running');
  return launch('jenkins', log.logs, {
    readyAfterMs: d.startupMs,
    ports: [8080, 50000],
    memoryBytes: d.memoryBytes,
    memoryAfterMs: 5000,
    cpuMillis: d.cpuMillis,
    sigterm: { afterMs: 1500, code: 143 },
  });
};

export const JAVA_PROGRAMS: Record<string, Program> = { elasticsearch, kibana, filebeat, jenkins };
