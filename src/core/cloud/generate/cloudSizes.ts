/**
 * Each cloud offers a fixed set of CPU and memory sizes; these pick the smallest one that
 * holds the limits chosen for the Kubernetes manifests.
 */

const fargate: readonly (readonly [cpu: number, memories: readonly number[]])[] = [
  [256, [512, 1024, 2048]],
  [512, [1024, 2048, 3072, 4096]],
  [1024, [2048, 3072, 4096, 5120, 6144, 7168, 8192]],
  [2048, [4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384]],
  [4096, [8192, 10240, 12288, 14336, 16384, 20480, 24576, 28672, 30720]],
];

/** Fargate task CPU units (1024 = 1 vCPU) and memory in MiB. */
export function fargateSize(
  cpuMillicores: number,
  memoryMiB: number,
): { cpu: number; memory: number } {
  for (const [cpu, memories] of fargate) {
    if (cpu < (cpuMillicores * 1024) / 1000) continue;
    const memory = memories.find((value) => value >= memoryMiB);
    if (memory !== undefined) return { cpu, memory };
  }
  return { cpu: 4096, memory: 30720 };
}

const appRunner: readonly (readonly [
  cpu: string,
  millicores: number,
  memories: readonly number[],
])[] = [
  ['0.25 vCPU', 250, [512, 1024]],
  ['0.5 vCPU', 500, [1024]],
  ['1 vCPU', 1000, [2048, 3072, 4096]],
  ['2 vCPU', 2000, [4096, 6144]],
  ['4 vCPU', 4000, [8192, 10240, 12288]],
];

/** App Runner instance CPU and memory, as the strings the API takes. */
export function appRunnerSize(
  cpuMillicores: number,
  memoryMiB: number,
): { cpu: string; memory: string } {
  for (const [cpu, millicores, memories] of appRunner) {
    if (millicores < cpuMillicores) continue;
    const memory = memories.find((value) => value >= memoryMiB);
    if (memory !== undefined) return { cpu, memory: `${memory / 1024} GB` };
  }
  return { cpu: '4 vCPU', memory: '12 GB' };
}

/** Cloud Run CPU limit: whole vCPUs from the allowed set. */
export function cloudRunCpu(cpuMillicores: number): string {
  const cpus = [1, 2, 4, 6, 8].find((value) => value * 1000 >= cpuMillicores) ?? 8;
  return String(cpus);
}

/** Azure Container Apps (consumption): CPU in steps of 0.25 up to 2, memory twice the CPU in Gi. */
export function azureSize(
  cpuMillicores: number,
  memoryMiB: number,
): { cpu: number; memory: string } {
  const steps = Math.max(Math.ceil(cpuMillicores / 250), Math.ceil(memoryMiB / 512), 1);
  const cpu = Math.min(steps, 8) * 0.25;
  return { cpu, memory: `${cpu * 2}Gi` };
}
