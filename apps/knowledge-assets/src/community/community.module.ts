import { Module } from '@nestjs/common';
import { CommunityMembershipConsumer } from './community-membership.consumer.js';

/** Community membership as this service knows it: a replica fed by the communities service's events. */
@Module({ controllers: [CommunityMembershipConsumer] })
export class CommunityModule {}
