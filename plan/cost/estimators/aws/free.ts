import { free, type Estimator } from "../types";

/**
 * AWS resource types that cost nothing by themselves, with the reason shown on their cost line
 * (priced at exactly $0 on purpose, never by omission). What they lead to is priced where it is
 * billed: flow-log records on the log group, deliveries on the topic, rotations on the secret.
 *
 * @example
 * ```ts
 * AWS_FREE_TYPES["aws:ec2/vpc:Vpc"]; // "VPCs are free"
 * ```
 */
export const AWS_FREE_TYPES = {
  "aws:ec2/vpc:Vpc": "VPCs are free",
  "aws:ec2/subnet:Subnet": "subnets are free",
  "aws:ec2/routeTable:RouteTable": "route tables are free",
  "aws:ec2/route:Route": "routes are free",
  "aws:ec2/routeTableAssociation:RouteTableAssociation": "route table associations are free",
  "aws:ec2/internetGateway:InternetGateway": "internet gateways are free (data transfer is billed)",
  "aws:ec2/securityGroup:SecurityGroup": "security groups are free",
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "security groups are free",
  "aws:ec2/securityGroupRule:SecurityGroupRule": "security group rules are free",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "security group rules are free",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "security group rules are free",
  "aws:ec2/flowLog:FlowLog":
    "a flow log has no fee; its records are billed as ingestion on the destination log group",
  "aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation":
    "endpoint associations are free",
  "aws:iam/role:Role": "IAM is free",
  "aws:iam/rolePolicy:RolePolicy": "IAM is free",
  "aws:iam/policy:Policy": "IAM is free",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "IAM is free",
  "aws:kms/alias:Alias": "aliases are free (the key is priced)",
  "aws:kms/keyPolicy:KeyPolicy": "key policies are free",
  "aws:kms/grant:Grant": "grants are free",
  "aws:kms/customKeyStore:CustomKeyStore":
    "the key store has no fee; the CloudHSM cluster behind it is billed per HSM-hour (not in the price table)",
  "aws:rds/subnetGroup:SubnetGroup": "included in the RDS price",
  "aws:rds/parameterGroup:ParameterGroup": "included in the RDS price",
  "aws:rds/clusterParameterGroup:ClusterParameterGroup": "included in the RDS price",
  "aws:elasticache/subnetGroup:SubnetGroup": "included in the ElastiCache price",
  "aws:elasticache/parameterGroup:ParameterGroup": "included in the ElastiCache price",
  "aws:elasticache/user:User": "included in the ElastiCache price",
  "aws:elasticache/userGroup:UserGroup": "included in the ElastiCache price",
  "aws:secretsmanager/secretVersion:SecretVersion": "versions are included in the secret's price",
  "aws:secretsmanager/secretRotation:SecretRotation":
    "rotation has no fee; its Lambda invocations and API calls are billed on the function and the secret",
  "aws:secretsmanager/secretPolicy:SecretPolicy": "resource policies are free",
  "aws:serverlessrepository/cloudFormationStack:CloudFormationStack":
    "CloudFormation and the Serverless Application Repository are free; the rotation function it deploys runs a few seconds per rotation (within Lambda's smallest bill)",
  "aws:lambda/functionUrl:FunctionUrl": "function URLs have no fee (requests are billed on the function)",
  "aws:lambda/alias:Alias": "aliases are free",
  "aws:lambda/permission:Permission": "permissions are free",
  "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": "invoke configuration is free",
  "aws:sns/topicSubscription:TopicSubscription":
    "subscriptions have no fee (deliveries are billed on the topic)",
  "aws:sns/topicPolicy:TopicPolicy": "topic policies are free",
  "aws:s3/bucketPolicy:BucketPolicy": "bucket configuration is free",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "bucket configuration is free",
  "aws:s3/bucketVersioning:BucketVersioning":
    "bucket configuration is free (old versions are billed as storage)",
  "aws:s3/bucketVersioningV2:BucketVersioningV2":
    "bucket configuration is free (old versions are billed as storage)",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration":
    "bucket configuration is free (KMS requests are billed on the key)",
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2":
    "bucket configuration is free (KMS requests are billed on the key)",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": "bucket configuration is free",
  "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2": "bucket configuration is free",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": "bucket configuration is free",
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "resource policies are free",
} as const satisfies Readonly<Record<string, string>>;

/**
 * A $0 estimator for a free AWS type, or undefined.
 *
 * @example
 * ```ts
 * awsFreeEstimator("aws:iam/role:Role")?.(input); // { baseline: 0, usage: 0, notes: ["free: IAM is free"] }
 * ```
 */
export function awsFreeEstimator(type: string): Estimator | undefined {
  return Object.hasOwn(AWS_FREE_TYPES, type)
    ? free(AWS_FREE_TYPES[type as keyof typeof AWS_FREE_TYPES])
    : undefined;
}
