from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0002_seed_regions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='person',
            name='district',
            field=models.CharField(max_length=6, verbose_name='管辖地'),
        ),
        migrations.AlterField(
            model_name='person',
            name='id_number_index',
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name='person',
            name='phone_index',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['district'], name='person_district', opclasses=['varchar_pattern_ops']),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.UniqueConstraint(fields=('id_number_index',), name='person_id_number_index_unique', opclasses=['varchar_pattern_ops']),
        ),
    ]
