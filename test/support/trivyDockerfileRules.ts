// NOT Trivy. Trivy cannot be installed on the machines these tests run on, so this file
// re-implements, from their published descriptions, the Dockerfile checks that `trivy config`
// applies (Trivy's "dockerfile" misconfiguration checks, ids DS-00NN since 0.69, DS0NN before).
// A test that says "passes trivy config" here means: none of the checks listed in RULES fails.
// Checks that need a registry or image metadata are not mirrored.

export interface DockerfileViolation {
  id: string;
  title: string;
  line: number;
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
  stage: number;
}

interface Stage {
  index: number;
  alias?: string;
  instructions: Instruction[];
}

type Rule = (stages: Stage[], all: Instruction[]) => Omit<DockerfileViolation, 'title'>[];

const RULES: Record<string, { title: string; check: Rule }> = {
  'DS-0001': {
    title: "':latest' tag used",
    check: (stages) =>
      stages.flatMap((stage) => {
        const from = stage.instructions[0];
        if (from === undefined) return [];
        const image = imageOf(from.args);
        const known = stages.some((s) => s.index < stage.index && s.alias === image);
        if (image === 'scratch' || known || image.includes('@')) return [];
        const tag = /:([^/:]+)$/.exec(image)?.[1];
        return tag === undefined || tag === 'latest' ? [{ id: 'DS-0001', line: from.line }] : [];
      }),
  },
  'DS-0002': {
    title: "Image user should not be 'root'",
    check: (stages) => {
      const last = stages.at(-1);
      const users = last?.instructions.filter((i) => i.keyword === 'USER') ?? [];
      const user = users.at(-1);
      if (user === undefined) return [{ id: 'DS-0002', line: last?.instructions[0]?.line ?? 1 }];
      return /^(root|0)(:|$)/.test(user.args.trim()) ? [{ id: 'DS-0002', line: user.line }] : [];
    },
  },
  'DS-0004': {
    title: 'Port 22 exposed',
    check: (_s, all) =>
      all
        .filter((i) => i.keyword === 'EXPOSE' && /(^|\s)22(\/tcp)?(\s|$)/.test(i.args))
        .map((i) => ({ id: 'DS-0004', line: i.line })),
  },
  'DS-0005': {
    title: 'ADD instead of COPY',
    check: (_s, all) =>
      all
        .filter((i) => i.keyword === 'ADD' && !/https?:\/\/|\.tar(\.\w+)?\b/.test(i.args))
        .map((i) => ({ id: 'DS-0005', line: i.line })),
  },
  'DS-0006': {
    title: "COPY '--from' referring to the current image",
    check: (stages) =>
      stages.flatMap((stage) =>
        stage.instructions
          .filter((i) => i.keyword === 'COPY')
          .filter((i) => {
            const from = /--from=(\S+)/.exec(i.args)?.[1];
            return from !== undefined && (from === stage.alias || from === String(stage.index));
          })
          .map((i) => ({ id: 'DS-0006', line: i.line })),
      ),
  },
  'DS-0007': perStageOnce('DS-0007', 'ENTRYPOINT'),
  'DS-0008': {
    title: 'Exposed port out of range',
    check: (_s, all) =>
      all
        .filter((i) => i.keyword === 'EXPOSE')
        .filter((i) => i.args.split(/\s+/).some((port) => Number.parseInt(port, 10) > 65535))
        .map((i) => ({ id: 'DS-0008', line: i.line })),
  },
  'DS-0009': {
    title: 'WORKDIR path not absolute',
    check: (_s, all) =>
      all
        .filter((i) => i.keyword === 'WORKDIR' && !/^["']?(\/|\$)/.test(i.args.trim()))
        .map((i) => ({ id: 'DS-0009', line: i.line })),
  },
  'DS-0010': runMatching('DS-0010', /(^|[\s;&|])sudo\s/),
  'DS-0011': {
    title: 'COPY with more than two arguments not ending with slash',
    check: (_s, all) =>
      all
        .filter((i) => i.keyword === 'COPY')
        .filter((i) => {
          const args = i.args.split(/\s+/).filter((a) => !a.startsWith('--'));
          return args.length > 2 && !(args.at(-1) ?? '').endsWith('/');
        })
        .map((i) => ({ id: 'DS-0011', line: i.line })),
  },
  'DS-0012': {
    title: 'Duplicate aliases defined in different FROMs',
    check: (stages) =>
      stages
        .filter(
          (stage) =>
            stage.alias !== undefined &&
            stages.some((other) => other.index < stage.index && other.alias === stage.alias),
        )
        .map((stage) => ({ id: 'DS-0012', line: stage.instructions[0]?.line ?? 1 })),
  },
  'DS-0013': runMatching('DS-0013', /(^|&&|;)\s*cd\s+\S/),
  'DS-0014': {
    title: "RUN using 'wget' and 'curl'",
    check: (_s, all) => {
      const runs = all.filter((i) => i.keyword === 'RUN');
      const wget = runs.find((i) => /\bwget\b/.test(i.args));
      const curl = runs.find((i) => /\bcurl\b/.test(i.args));
      return wget !== undefined && curl !== undefined ? [{ id: 'DS-0014', line: curl.line }] : [];
    },
  },
  'DS-0015': runMatching('DS-0015', /yum install(?![\s\S]*yum clean all)/),
  'DS-0016': perStageOnce('DS-0016', 'CMD'),
  'DS-0017': runMatching('DS-0017', /^\s*apt-get update\s*$/),
  'DS-0019': runMatching('DS-0019', /dnf install(?![\s\S]*dnf clean all)/),
  'DS-0020': runMatching('DS-0020', /zypper (install|in)\b(?![\s\S]*zypper clean)/),
  'DS-0021': runMatching('DS-0021', /apt-get install(?![^&;]*\s(-y|--yes|-qy|--assume-yes)\b)/),
  'DS-0022': {
    title: 'MAINTAINER is deprecated',
    check: (_s, all) =>
      all.filter((i) => i.keyword === 'MAINTAINER').map((i) => ({ id: 'DS-0022', line: i.line })),
  },
  'DS-0023': perStageOnce('DS-0023', 'HEALTHCHECK'),
  'DS-0024': runMatching('DS-0024', /apt-get dist-upgrade/),
  'DS-0025': runMatching('DS-0025', /apk add(?![^&;]*--no-cache)/),
  'DS-0026': {
    title: 'No HEALTHCHECK defined',
    check: (stages) => {
      const last = stages.at(-1);
      return last?.instructions.some((i) => i.keyword === 'HEALTHCHECK') === true
        ? []
        : [{ id: 'DS-0026', line: last?.instructions[0]?.line ?? 1 }];
    },
  },
  'DS-0029': runMatching('DS-0029', /apt-get install(?![^&;]*--no-install-recommends)/),
};

/** The ids of the Trivy Dockerfile checks mirrored here. */
export const MIRRORED_TRIVY_CHECKS: readonly string[] = Object.keys(RULES);

/** Every mirrored check that fails on this Dockerfile. */
export function trivyDockerfileViolations(dockerfile: string): DockerfileViolation[] {
  const all = instructions(dockerfile);
  const stages: Stage[] = [];
  for (const instruction of all) {
    if (instruction.keyword === 'FROM') {
      const alias = /\s+AS\s+(\S+)/i.exec(instruction.args)?.[1];
      stages.push({
        index: stages.length,
        ...(alias === undefined ? {} : { alias }),
        instructions: [],
      });
    }
    instruction.stage = stages.length - 1;
    stages.at(-1)?.instructions.push(instruction);
  }
  return Object.entries(RULES).flatMap(([id, rule]) =>
    rule.check(stages, all).map((v) => ({ ...v, id, title: rule.title })),
  );
}

function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] ?? '';
    if (/^\s*(#|$)/.test(line)) continue;
    const start = index + 1;
    while (line.endsWith('\\') && index + 1 < lines.length) {
      index++;
      const next = lines[index] ?? '';
      if (/^\s*#/.test(next)) continue;
      line = `${line.slice(0, -1)} ${next.trim()}`;
    }
    const match = /^\s*(\w+)\s*(.*)$/.exec(line);
    if (match !== null) {
      result.push({
        keyword: (match[1] ?? '').toUpperCase(),
        args: match[2] ?? '',
        line: start,
        stage: 0,
      });
    }
  }
  return result;
}

function imageOf(fromArgs: string): string {
  return fromArgs.split(/\s+/).find((part) => !part.startsWith('--')) ?? '';
}

function perStageOnce(id: string, keyword: string): { title: string; check: Rule } {
  return {
    title: `Multiple ${keyword} instructions in a stage`,
    check: (stages) =>
      stages.flatMap((stage) =>
        stage.instructions
          .filter((i) => i.keyword === keyword)
          .slice(1)
          .map((i) => ({ id, line: i.line })),
      ),
  };
}

function runMatching(id: string, pattern: RegExp): { title: string; check: Rule } {
  return {
    title: `RUN matches ${String(pattern)}`,
    check: (_s, all) =>
      all
        .filter((i) => i.keyword === 'RUN')
        .filter((i) => pattern.test(i.args))
        .map((i) => ({ id, line: i.line })),
  };
}
