import { Global, Module } from '@nestjs/common';
import { CommandHandling } from './commands/command-handling';

@Global()
@Module({ providers: [CommandHandling], exports: [CommandHandling] })
export class CommonModule {}
