import type { DeploymentTarget } from './deploymentOptions';

/** A policy document (a Terraform `data` block) that lets the AWS `service` assume a role. */
function assumeRolePolicy(dataName: string, service: string): string {
  return `data "aws_iam_policy_document" "${dataName}" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["${service}"]
    }
  }
}`;
}

/** A role the service of `policyDocument` assumes, with the AWS managed policy `policyArn`. */
function serviceRole(
  resource: string,
  roleName: string,
  policyDocument: string,
  policyArn: string,
): string {
  return `resource "aws_iam_role" "${resource}" {
  name               = "${roleName}"
  assume_role_policy = data.aws_iam_policy_document.${policyDocument}.json
}

resource "aws_iam_role_policy_attachment" "${resource}" {
  role       = aws_iam_role.${resource}.name
  policy_arn = "${policyArn}"
}`;
}

/** The application's own role, which `policyDocument` lets it assume: no permissions at all. */
function applicationRole(resource: string, roleName: string, policyDocument: string): string {
  return `# The application's own role: no permissions until you grant the ones it needs.
resource "aws_iam_role" "${resource}" {
  name               = "${roleName}"
  assume_role_policy = data.aws_iam_policy_document.${policyDocument}.json
}`;
}

/** Terraform and AWS provider versions, the same for both AWS targets. */
const awsVersions = `terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}
`;

/**
 * Terraform for each cloud's container service, as data: file name → template text with
 * {{placeholders}} filled by renderTerraform. Every template keeps the same defaults as the
 * Kubernetes manifests: a non-root user and a read-only root filesystem where the service
 * lets us set them, resource limits, health probes, bounded autoscaling, no public exposure
 * unless asked, a dedicated identity with no extra permissions, logs kept.
 */
export const terraformTemplates: Readonly<
  Record<Exclude<DeploymentTarget, 'kubernetes'>, Readonly<Record<string, string>>>
> = {
  'aws-ecs-fargate': {
    'versions.tf': awsVersions,
    'variables.tf': `variable "region" {
  type    = string
  default = "{{region}}"
}

variable "image" {
  type    = string
  default = "{{image}}"
}

variable "vpc_id" {
  type        = string
  description = "The VPC the service runs in."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for the tasks: they get no public IP."
}

variable "allowed_cidr_blocks" {
  type        = list(string)
  description = "Who may reach the application port (for example the load balancer's subnets)."
  default     = []
}
`,
    'main.tf': `resource "aws_ecs_cluster" "this" {
  name = "{{name}}"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/{{name}}"
  retention_in_days = 30
}

${assumeRolePolicy('assume_ecs_tasks', 'ecs-tasks.amazonaws.com')}

${serviceRole('execution', '{{name}}-execution', 'assume_ecs_tasks', 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')}

${applicationRole('task', '{{name}}-task', 'assume_ecs_tasks')}

resource "aws_ecs_task_definition" "this" {
  family                   = "{{name}}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = {{fargateCpu}}
  memory                   = {{fargateMemory}}
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = "{{name}}"
      image                  = var.image
      essential              = true
      user                   = "10001:10001"
      readonlyRootFilesystem = true
      privileged             = false
      cpu                    = {{fargateCpu}}
      memory                 = {{fargateMemory}}
      portMappings           = [{ containerPort = {{port}}, protocol = "tcp" }]
      linuxParameters        = { capabilities = { drop = ["ALL"] }, initProcessEnabled = true }
      mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp" }]
      healthCheck = {
        command     = ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:{{port}}{{healthPath}}', timeout=2)"]
        interval    = 10
        timeout     = 3
        retries     = 3
        startPeriod = 10
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "{{name}}"
        }
      }
    }
  ])
}

resource "aws_security_group" "this" {
  name_prefix = "{{name}}-"
  vpc_id      = var.vpc_id

  ingress {
    description = "Application port"
    from_port   = {{port}}
    to_port     = {{port}}
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidr_blocks
  }

  egress {
    description = "HTTPS out (image pulls, AWS APIs)"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_service" "this" {
  name            = "{{name}}"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = {{minReplicas}}
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = false
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/\${aws_ecs_cluster.this.name}/\${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = {{minReplicas}}
  max_capacity       = {{maxReplicas}}
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "{{name}}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
`,
  },
  'aws-app-runner': {
    'versions.tf': awsVersions,
    'variables.tf': `variable "region" {
  type    = string
  default = "{{region}}"
}

variable "image" {
  type        = string
  description = "An image in Amazon ECR."
  default     = "{{image}}"
}

variable "publicly_accessible" {
  type    = bool
  default = false
}
`,
    'main.tf': `${assumeRolePolicy('assume_build', 'build.apprunner.amazonaws.com')}

${assumeRolePolicy('assume_tasks', 'tasks.apprunner.amazonaws.com')}

${serviceRole('access', '{{name}}-ecr-access', 'assume_build', 'arn:aws:iam::aws:policy/service-role/AWSAppRunnerServicePolicyForECRAccess')}

${applicationRole('instance', '{{name}}-instance', 'assume_tasks')}

resource "aws_apprunner_auto_scaling_configuration_version" "this" {
  auto_scaling_configuration_name = "{{name}}"
  min_size                        = {{minReplicas}}
  max_size                        = {{maxReplicas}}
}

resource "aws_apprunner_service" "this" {
  service_name                   = "{{name}}"
  auto_scaling_configuration_arn = aws_apprunner_auto_scaling_configuration_version.this.arn

  source_configuration {
    auto_deployments_enabled = false
    authentication_configuration {
      access_role_arn = aws_iam_role.access.arn
    }
    image_repository {
      image_identifier      = var.image
      image_repository_type = "ECR"
      image_configuration {
        port = "{{port}}"
      }
    }
  }

  instance_configuration {
    cpu               = "{{appRunnerCpu}}"
    memory            = "{{appRunnerMemory}}"
    instance_role_arn = aws_iam_role.instance.arn
  }

  health_check_configuration {
    protocol            = "HTTP"
    path                = "{{healthPath}}"
    interval            = 10
    timeout             = 2
    healthy_threshold   = 1
    unhealthy_threshold = 3
  }

  network_configuration {
    ingress_configuration {
      is_publicly_accessible = var.publicly_accessible
    }
  }

  observability_configuration {
    observability_enabled = false
  }
}
`,
  },
  'gcp-cloud-run': {
    'versions.tf': `terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 5.0"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
`,
    'variables.tf': `variable "project_id" {
  type        = string
  description = "The Google Cloud project."
}

variable "region" {
  type    = string
  default = "{{region}}"
}

variable "image" {
  type    = string
  default = "{{image}}"
}
`,
    'main.tf': `# The service's own identity: no roles until you grant the ones it needs.
resource "google_service_account" "this" {
  account_id   = "{{name}}-run"
  display_name = "{{name}} (Cloud Run)"
}

resource "google_cloud_run_v2_service" "this" {
  name     = "{{name}}"
  location = var.region
  # Reachable from the VPC and Google load balancers only, not from the internet directly.
  ingress = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"

  template {
    service_account                  = google_service_account.this.email
    execution_environment            = "EXECUTION_ENVIRONMENT_GEN2"
    max_instance_request_concurrency = 80

    scaling {
      min_instance_count = {{minReplicas}}
      max_instance_count = {{maxReplicas}}
    }

    containers {
      image = var.image

      ports {
        container_port = {{port}}
      }

      resources {
        limits = {
          cpu    = "{{cloudRunCpu}}"
          memory = "{{memoryMiB}}Mi"
        }
        cpu_idle = true
      }

      startup_probe {
        http_get {
          path = "{{healthPath}}"
        }
        period_seconds    = 5
        failure_threshold = 6
      }

      liveness_probe {
        http_get {
          path = "{{healthPath}}"
        }
        period_seconds = 10
      }
    }
  }
}
`,
  },
  'azure-container-apps': {
    'versions.tf': `terraform {
  required_version = ">= 1.5"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}
`,
    'variables.tf': `variable "location" {
  type    = string
  default = "{{region}}"
}

variable "image" {
  type    = string
  default = "{{image}}"
}

variable "external_ingress" {
  type    = bool
  default = false
}
`,
    'main.tf': `resource "azurerm_resource_group" "this" {
  name     = "{{name}}-rg"
  location = var.location
}

resource "azurerm_log_analytics_workspace" "this" {
  name                = "{{name}}-logs"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = 30
}

resource "azurerm_container_app_environment" "this" {
  name                       = "{{name}}-env"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id
}

# The app's own identity: no role assignments until you grant the ones it needs.
resource "azurerm_user_assigned_identity" "this" {
  name                = "{{name}}-identity"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
}

resource "azurerm_container_app" "this" {
  name                         = "{{name}}"
  container_app_environment_id = azurerm_container_app_environment.this.id
  resource_group_name          = azurerm_resource_group.this.name
  revision_mode                = "Single"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }

  ingress {
    external_enabled = var.external_ingress
    target_port      = {{port}}
    transport        = "http"
    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }

  template {
    min_replicas = {{minReplicas}}
    max_replicas = {{maxReplicas}}

    container {
      name   = "{{name}}"
      image  = var.image
      cpu    = {{azureCpu}}
      memory = "{{azureMemory}}"

      liveness_probe {
        transport = "HTTP"
        port      = {{port}}
        path      = "{{healthPath}}"
      }

      readiness_probe {
        transport = "HTTP"
        port      = {{port}}
        path      = "{{healthPath}}"
      }
    }
  }
}
`,
  },
};
