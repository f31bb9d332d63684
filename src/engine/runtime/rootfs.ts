import type { ImageInfo, OsFamily } from './images/types.ts';
import { HTTPD_INDEX, NGINX_50X, NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_WELCOME } from './servers/pages.ts';
import { binaryContent } from './sh/resolve.ts';
import { ContainerFileSystem, newDirectory, type FsTree } from './vfs.ts';

/** Tools every busybox build has (as applets), and what a Debian-style base image ships. */
const BUSYBOX_BIN = [
  'cat',
  'cp',
  'date',
  'dd',
  'df',
  'echo',
  'false',
  'grep',
  'egrep',
  'hostname',
  'kill',
  'ls',
  'mkdir',
  'mv',
  'ps',
  'pwd',
  'rm',
  'rmdir',
  'sleep',
  'touch',
  'true',
  'uname',
  'chmod',
  'chown',
  'ln',
  'sync',
  'sed',
  'stat',
];
const BUSYBOX_USR_BIN = [
  'env',
  'head',
  'tail',
  'wc',
  'tee',
  'sort',
  'uniq',
  'tr',
  'cut',
  'find',
  'wget',
  'nc',
  'nslookup',
  'whoami',
  'id',
  'seq',
  'basename',
  'dirname',
  'expr',
  'free',
  'uptime',
  'nproc',
  'du',
  'printf',
  'test',
  '[',
  '[[',
  'awk',
  'printenv',
  'clear',
  'fallocate',
];
const GNU_TOOLS = [
  'cat',
  'cp',
  'date',
  'dd',
  'df',
  'echo',
  'false',
  'grep',
  'egrep',
  'hostname',
  'kill',
  'ls',
  'mkdir',
  'mv',
  'pwd',
  'rm',
  'rmdir',
  'sleep',
  'touch',
  'true',
  'uname',
  'chmod',
  'chown',
  'ln',
  'sync',
  'sed',
  'stat',
  'env',
  'head',
  'tail',
  'wc',
  'tee',
  'sort',
  'uniq',
  'tr',
  'cut',
  'find',
  'whoami',
  'id',
  'seq',
  'basename',
  'dirname',
  'expr',
  'nproc',
  'du',
  'printf',
  'test',
  '[',
  'printenv',
  'awk',
  'clear',
  'fallocate',
];

/** osExecutables lists the base OS's executables as path → program id. */
function osExecutables(os: OsFamily): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (dir: string, names: string[]): void => {
    for (const n of names) out[`${dir}/${n}`] = n;
  };
  switch (os) {
    case 'scratch':
      return out;
    case 'busybox':
      put('/bin', [...BUSYBOX_BIN, ...BUSYBOX_USR_BIN]);
      out['/bin/sh'] = 'ash';
      out['/bin/ash'] = 'ash';
      out['/bin/busybox'] = 'ash';
      return out;
    case 'alpine':
      put('/bin', BUSYBOX_BIN);
      put('/usr/bin', BUSYBOX_USR_BIN);
      out['/bin/sh'] = 'ash';
      out['/bin/ash'] = 'ash';
      out['/bin/busybox'] = 'ash';
      out['/sbin/apk'] = 'apk';
      return out;
    default: {
      const debianLike = os === 'debian' || os === 'ubuntu';
      for (const dir of ['/usr/bin', '/bin']) {
        put(dir, GNU_TOOLS);
        out[`${dir}/bash`] = 'bash';
        out[`${dir}/sh`] = debianLike ? 'dash' : 'bash';
        if (debianLike) out[`${dir}/dash`] = 'dash';
        if (!debianLike) put(dir, ['ps', 'free', 'uptime', 'curl']);
        if (debianLike) put(dir, ['apt-get', 'apt']);
      }
      return out;
    }
  }
}

function osRelease(image: ImageInfo): string | undefined {
  const v = image.version;
  const base = image.name.includes('/library/') ? image.name.split('/library/')[1]?.split(':')[0] : undefined;
  switch (image.os) {
    case 'alpine': {
      const version = base === 'alpine' && /^\d/.test(v) ? v : '3.22.2';
      return `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${version.split('.').slice(0, 2).join('.')}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`;
    }
    case 'debian': {
      const trixie = base === 'debian' ? v === '13' : base === 'nginx' && v.startsWith('1.29');
      const [num, code] =
        base === 'debian' && v === '11'
          ? ['11', 'bullseye']
          : base === 'debian' && v === '10'
            ? ['10', 'buster']
            : trixie
              ? ['13', 'trixie']
              : ['12', 'bookworm'];
      return `PRETTY_NAME="Debian GNU/Linux ${num} (${code})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${num}"\nVERSION="${num} (${code})"\nVERSION_CODENAME=${code}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
    }
    case 'ubuntu': {
      const names: Record<string, [string, string, string]> = {
        '24.04': ['24.04.3 LTS', 'Noble Numbat', 'noble'],
        '22.04': ['22.04.5 LTS', 'Jammy Jellyfish', 'jammy'],
        '20.04': ['20.04.6 LTS', 'Focal Fossa', 'focal'],
        '18.04': ['18.04.6 LTS', 'Bionic Beaver', 'bionic'],
        '25.04': ['25.04', 'Plucky Puffin', 'plucky'],
        '25.10': ['25.10', 'Questing Quokka', 'questing'],
      };
      const [full, nick, code] = names[base === 'ubuntu' ? v : '24.04'] ??
        names['24.04'] ?? ['24.04.3 LTS', 'Noble Numbat', 'noble'];
      return `PRETTY_NAME="Ubuntu ${full}"\nNAME="Ubuntu"\nVERSION_ID="${full.slice(0, 5)}"\nVERSION="${full} (${nick})"\nVERSION_CODENAME=${code}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=${code}\nLOGO=ubuntu-logo\n`;
    }
    case 'fedora':
      return `NAME="Fedora Linux"\nVERSION="${v} (Container Image)"\nRELEASE_TYPE=stable\nID=fedora\nVERSION_ID=${v}\nPRETTY_NAME="Fedora Linux ${v} (Container Image)"\nHOME_URL="https://fedoraproject.org/"\nVARIANT="Container Image"\nVARIANT_ID=container\n`;
    case 'centos': {
      const major = v.split('.')[0] ?? '7';
      return `NAME="CentOS Linux"\nVERSION="${major} (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="${major}"\nPRETTY_NAME="CentOS Linux ${major} (Core)"\nHOME_URL="https://www.centos.org/"\n`;
    }
    case 'oraclelinux':
      return `NAME="Oracle Linux Server"\nVERSION="9.6"\nID="ol"\nID_LIKE="fedora"\nVERSION_ID="9.6"\nPRETTY_NAME="Oracle Linux Server 9.6"\nHOME_URL="https://linux.oracle.com/"\n`;
    default:
      return undefined;
  }
}

/** DEFAULT_HOSTS is /etc/hosts before the kubelet writes its own. */
const DEFAULT_HOSTS =
  '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';

/** kubernetesHostsFile is the /etc/hosts the kubelet mounts into every container of a pod. */
export function kubernetesHostsFile(
  podIP: string,
  hostname: string,
  extra: { ip: string; hostnames: string[] }[] = [],
  fqdn?: string,
): string {
  let text = `# Kubernetes-managed hosts file.\n${DEFAULT_HOSTS}${podIP}\t${fqdn ? `${fqdn}\t` : ''}${hostname}\n`;
  if (extra.length > 0) {
    text += '\n# Entries added by HostAliases.\n';
    for (const e of extra) text += `${e.ip}\t${e.hostnames.join('\t')}\n`;
  }
  return text;
}

/** resolvConf is the /etc/resolv.conf of a ClusterFirst pod: cluster DNS and the namespace's search path. */
export function resolvConf(options: { namespace: string; nameserver?: string; clusterDomain?: string }): string {
  const domain = options.clusterDomain ?? 'cluster.local';
  return `search ${options.namespace}.svc.${domain} svc.${domain} ${domain}\nnameserver ${options.nameserver ?? '10.96.0.10'}\noptions ndots:5\n`;
}

/** imageContent is what particular images ship besides binaries: pages, configs, data directories. */
function imageContent(image: ImageInfo, fs: ContainerFileSystem): void {
  const file = (path: string, content: string, mode = 0o644): void => {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
    fs.writeFile(path, content, { mode });
  };
  const dir = (path: string, mode = 0o755): void => void fs.mkdir(path, { parents: true, mode });
  const b = image.behavior;
  const server = b.kind === 'server' || b.kind === 'agent' ? b.server : undefined;
  switch (server) {
    case 'nginx':
      file('/usr/share/nginx/html/index.html', NGINX_WELCOME);
      file('/usr/share/nginx/html/50x.html', NGINX_50X);
      file('/etc/nginx/nginx.conf', NGINX_CONF);
      file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
      dir('/var/log/nginx');
      dir('/var/cache/nginx');
      for (const s of [
        '10-listen-on-ipv6-by-default.sh',
        '15-local-resolvers.envsh',
        '20-envsubst-on-templates.sh',
        '30-tune-worker-processes.sh',
      ])
        file(`/docker-entrypoint.d/${s}`, '#!/bin/sh\n', 0o755);
      break;
    case 'httpd':
      file('/usr/local/apache2/htdocs/index.html', HTTPD_INDEX);
      file(
        '/usr/local/apache2/conf/httpd.conf',
        'ServerRoot "/usr/local/apache2"\nListen 80\nDocumentRoot "/usr/local/apache2/htdocs"\n',
      );
      break;
    case 'redis':
      dir('/data');
      break;
    case 'mysql':
    case 'mariadb':
      dir('/var/lib/mysql');
      dir('/docker-entrypoint-initdb.d');
      break;
    case 'postgres':
      dir(image.env['PGDATA'] ?? '/var/lib/postgresql/data', 0o700);
      dir('/docker-entrypoint-initdb.d');
      break;
    case 'mongo':
      dir('/data/db');
      dir('/data/configdb');
      break;
    case 'wordpress':
    case 'php-apache':
      dir('/var/www/html');
      if (server === 'php-apache')
        file(
          '/var/www/html/index.php',
          '<?php\n  $x = 0.0001;\n  for ($i = 0; $i <= 1000000; $i++) {\n    $x += sqrt($x);\n  }\n  echo "OK!";\n?>\n',
        );
      break;
    case 'elasticsearch':
      file(
        '/usr/share/elasticsearch/config/elasticsearch.yml',
        'cluster.name: "docker-cluster"\nnetwork.host: 0.0.0.0\n',
      );
      dir('/usr/share/elasticsearch/data');
      break;
    case 'jenkins':
      dir('/var/jenkins_home');
      break;
    case 'prometheus':
      file(
        '/etc/prometheus/prometheus.yml',
        'global:\n  scrape_interval: 15s\n\nscrape_configs:\n  - job_name: "prometheus"\n    static_configs:\n      - targets: ["localhost:9090"]\n',
      );
      dir('/prometheus');
      break;
    case 'filebeat':
      file(
        '/usr/share/filebeat/filebeat.yml',
        "filebeat.config:\n  modules:\n    path: ${path.config}/modules.d/*.yml\n    reload.enabled: false\n\noutput.elasticsearch:\n  hosts: '${ELASTICSEARCH_HOSTS:elasticsearch:9200}'\n",
      );
      break;
    default:
      break;
  }
}

/** TEMPLATES keeps each image's built tree (without /etc/hostname): a pod of many replicas copies it. */
const TEMPLATES = new Map<string, FsTree>();
const TEMPLATE_LIMIT = 64;

/**
 * createImageRootFs builds a container's writable layer from its image: the base OS's directories,
 * tools and identity files, the image's own executables and content, and /etc/hostname. Each
 * image's tree is built once and copied, as a runtime unpacks an image once for many containers.
 */
export function createImageRootFs(image: ImageInfo, hostname: string): FsTree {
  const key = `${image.imageID}\0${image.name}`;
  let template = TEMPLATES.get(key);
  if (!template) {
    template = buildImageRootFs(image);
    if (TEMPLATES.size >= TEMPLATE_LIMIT) TEMPLATES.delete(TEMPLATES.keys().next().value as string);
    TEMPLATES.set(key, template);
  }
  const tree = structuredClone(template);
  new ContainerFileSystem(tree).writeFile('/etc/hostname', hostname + '\n');
  return tree;
}

function buildImageRootFs(image: ImageInfo): FsTree {
  const tree = newDirectory();
  const fs = new ContainerFileSystem(tree);
  const dirs =
    image.os === 'scratch'
      ? ['/dev', '/etc', '/proc', '/sys']
      : [
          '/bin',
          '/dev',
          '/etc',
          '/home',
          '/lib',
          '/mnt',
          '/opt',
          '/proc',
          '/root',
          '/run',
          '/sbin',
          '/srv',
          '/sys',
          '/usr/bin',
          '/usr/local/bin',
          '/usr/sbin',
          '/var/log',
          '/var/tmp',
        ];
  for (const d of dirs) fs.mkdir(d, { parents: true, mode: d === '/root' ? 0o700 : 0o755 });
  fs.mkdir('/tmp', { mode: 0o1777 });
  for (const dev of ['null', 'zero', 'random', 'urandom', 'tty']) fs.writeFile(`/dev/${dev}`, '', { mode: 0o666 });
  fs.writeFile('/etc/hosts', DEFAULT_HOSTS);
  fs.writeFile('/etc/resolv.conf', resolvConf({ namespace: 'default' }));
  fs.writeFile(
    '/proc/version',
    'Linux version 6.8.0-1027-gke (buildd@lcy02-amd64-034) (x86_64-linux-gnu-gcc-12 (Ubuntu 12.3.0-1ubuntu1~22.04) 12.3.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #31-Ubuntu SMP\n',
    { mode: 0o444 },
  );
  fs.writeFile(
    '/proc/meminfo',
    'MemTotal:        8137796 kB\nMemFree:         5012344 kB\nMemAvailable:    6641916 kB\n',
    { mode: 0o444 },
  );
  fs.writeFile(
    '/proc/cpuinfo',
    [0, 1, 2, 3]
      .map((i) => `processor\t: ${i}\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n`)
      .join('\n'),
    { mode: 0o444 },
  );
  if (image.os !== 'scratch') {
    fs.writeFile(
      '/etc/passwd',
      'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    );
    fs.writeFile('/etc/group', 'root:x:0:\nnogroup:x:65534:\n');
    const release = osRelease(image);
    if (release) fs.writeFile('/etc/os-release', release);
    if (image.os === 'alpine')
      fs.writeFile('/etc/alpine-release', (image.name.includes('/alpine:') ? image.version : '3.22.2') + '\n');
  }
  const executables = { ...osExecutables(image.os), ...image.executables };
  for (const [path, id] of Object.entries(executables)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
    fs.writeFile(path, binaryContent(id), { mode: 0o755 });
  }
  imageContent(image, fs);
  if (image.workingDir && image.workingDir !== '/') fs.mkdir(image.workingDir, { parents: true });
  return tree;
}
