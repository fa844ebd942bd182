import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Multilingual } from '../../asset/metadata/asset-metadata.js';
import { OaiItemRepository } from '../oai-item.repository.js';

/** What Identify and ListSets say of the repository: its oldest datestamp, and the taxonomy's top concepts. */
@Injectable()
export class DescribeOaiRepositoryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: OaiItemRepository,
  ) {}

  async execute(): Promise<{ earliestDatestamp: Date | null; topConcepts: Array<{ id: string; prefLabel: Multilingual }> }> {
    const manager = this.dataSource.manager;
    const [earliestDatestamp, topConcepts] = await Promise.all([this.items.earliestDatestamp(manager), this.items.topConcepts(manager)]);
    return { earliestDatestamp, topConcepts };
  }

  isTopConcept(id: string): Promise<boolean> {
    return this.items.isTopConcept(this.dataSource.manager, id);
  }
}
