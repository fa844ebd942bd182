import { Module } from '@nestjs/common';
import { SearchController } from './search.controller.js';
import { SearchRepository } from './search.repository.js';
import { SearchAssetsUseCase } from './use-cases/search-assets.use-case.js';

@Module({ controllers: [SearchController], providers: [SearchRepository, SearchAssetsUseCase] })
export class SearchModule {}
