/**
 * The functions restricted mode may call, by name, as PostgreSQL's built-ins (unqualified or
 * `pg_catalog.`-qualified). An allow-list: a function is refused unless it is here, so a new
 * server version or an extension adds nothing until it is reviewed.
 *
 * Left out on purpose: anything that writes or changes state outside the statement (nextval,
 * setval, set_config, setseed, advisory locks, pg_notify, large objects, txid_current /
 * pg_current_xact_id, which assign a transaction id), reaches another session, backend or the
 * server (dblink, pg_terminate_backend, pg_cancel_backend, pg_reload_conf, pg_stat_reset*,
 * pg_stat_statements_reset, replication, WAL and backup control), touches server files
 * (pg_read_file, pg_ls_dir, pg_stat_file, lo_import/lo_export, pg_file_write), or runs SQL given
 * as text (query_to_xml*, table/schema/database_to_xml*, cursor_to_xml*, ts_stat, ts_rewrite).
 *
 * Grouped as in PostgreSQL's manual ("Functions and Operators"); the README lists the groups.
 */
const groups = {
  conditional: 'num_nonnulls num_nulls',
  math:
    'abs acos acosd acosh asin asind asinh atan atan2 atan2d atand atanh cbrt ceil ceiling cos cosd cosh cot cotd ' +
    'degrees div erf erfc exp factorial floor gamma gcd lcm lgamma ln log log10 min_scale mod pi power radians ' +
    'random random_normal round scale sign sin sind sinh sqrt tan tand tanh trim_scale trunc width_bucket',
  string:
    'ascii bit_count bit_length btrim casefold char_length character_length chr concat concat_ws convert convert_from ' +
    'convert_to crc32 crc32c decode encode format get_bit get_byte initcap is_normalized left length lower lpad ltrim ' +
    'md5 normalize octet_length overlay parse_ident position quote_ident quote_literal quote_nullable regexp_count ' +
    'regexp_instr regexp_like regexp_match regexp_matches regexp_replace regexp_split_to_array regexp_split_to_table ' +
    'regexp_substr repeat replace reverse right rpad rtrim set_bit set_byte sha224 sha256 sha384 sha512 ' +
    'similar_to_escape split_part starts_with string_to_array string_to_table strpos substr substring to_ascii to_bin ' +
    'to_hex to_oct translate unicode_assigned unistr upper',
  formatting: 'to_char to_date to_number to_timestamp',
  datetime:
    'age clock_timestamp date_add date_bin date_part date_subtract date_trunc extract isfinite justify_days ' +
    'justify_hours justify_interval make_date make_interval make_time make_timestamp make_timestamptz now overlaps ' +
    'statement_timestamp timeofday timezone transaction_timestamp',
  enum: 'enum_first enum_last enum_range',
  geometry:
    'area box center circle diagonal diameter height isclosed isopen line lseg npoints path pclose point polygon ' +
    'popen radius slope width',
  network:
    'abbrev broadcast family host hostmask inet_merge inet_same_family macaddr8_set7bit masklen netmask network ' +
    'set_masklen',
  textSearch:
    'array_to_tsvector get_current_ts_config json_to_tsvector jsonb_to_tsvector numnode phraseto_tsquery ' +
    'plainto_tsquery querytree setweight strip to_tsquery to_tsvector ts_delete ts_filter ts_headline ts_rank ' +
    'ts_rank_cd tsquery_phrase tsvector_to_array websearch_to_tsquery',
  uuid: 'gen_random_uuid uuid_extract_timestamp uuid_extract_version uuidv4 uuidv7',
  xml:
    'xml_is_well_formed xml_is_well_formed_content xml_is_well_formed_document xmlagg xmlcomment xmlexists xmltext ' +
    'xpath xpath_exists',
  json:
    'array_to_json json_agg json_agg_strict json_array_elements json_array_elements_text json_array_length ' +
    'json_build_array json_build_object json_each json_each_text json_extract_path json_extract_path_text ' +
    'json_object json_object_agg json_object_agg_strict json_object_agg_unique json_object_agg_unique_strict ' +
    'json_object_keys json_populate_record json_populate_recordset json_strip_nulls json_to_record ' +
    'json_to_recordset json_typeof jsonb_agg jsonb_agg_strict jsonb_array_elements jsonb_array_elements_text ' +
    'jsonb_array_length jsonb_build_array jsonb_build_object jsonb_each jsonb_each_text jsonb_extract_path ' +
    'jsonb_extract_path_text jsonb_insert jsonb_object jsonb_object_agg jsonb_object_agg_strict ' +
    'jsonb_object_agg_unique jsonb_object_agg_unique_strict jsonb_object_keys jsonb_path_exists ' +
    'jsonb_path_exists_tz jsonb_path_match jsonb_path_match_tz jsonb_path_query jsonb_path_query_array ' +
    'jsonb_path_query_array_tz jsonb_path_query_first jsonb_path_query_first_tz jsonb_path_query_tz ' +
    'jsonb_populate_record jsonb_populate_record_valid jsonb_populate_recordset jsonb_pretty jsonb_set ' +
    'jsonb_set_lax jsonb_strip_nulls jsonb_to_record jsonb_to_recordset jsonb_typeof row_to_json to_json to_jsonb',
  array:
    'array_append array_cat array_dims array_fill array_length array_lower array_ndims array_position ' +
    'array_positions array_prepend array_remove array_replace array_reverse array_sample array_shuffle array_sort ' +
    'array_to_string array_upper cardinality generate_subscripts trim_array unnest',
  range:
    'daterange datemultirange int4multirange int4range int8multirange int8range isempty lower_inc lower_inf ' +
    'multirange nummultirange numrange range_merge tsmultirange tsrange tstzmultirange tstzrange upper_inc ' +
    'upper_inf',
  setReturning: 'generate_series',
  aggregate:
    'any_value array_agg avg bit_and bit_or bit_xor bool_and bool_or corr count covar_pop covar_samp every max min ' +
    'mode percentile_cont percentile_disc range_agg range_intersect_agg regr_avgx regr_avgy regr_count ' +
    'regr_intercept regr_r2 regr_slope regr_sxx regr_sxy regr_syy stddev stddev_pop stddev_samp string_agg sum ' +
    'var_pop var_samp variance',
  window: 'cume_dist dense_rank first_value lag last_value lead nth_value ntile percent_rank rank row_number',
  /** Function-call spellings of casts: int4(x), date(ts), text(x), and what TREAT(… AS type) becomes. */
  typeConversion:
    'bool bpchar date float4 float8 int2 int4 int8 interval name numeric oid text time timestamp timestamptz ' +
    'timetz varchar',
  sessionInfo:
    'current_database current_query current_schema current_schemas current_setting inet_client_addr ' +
    'inet_client_port inet_server_addr inet_server_port pg_backend_pid pg_blocking_pids pg_conf_load_time ' +
    'pg_is_other_temp_schema pg_jit_available pg_listening_channels pg_my_temp_schema pg_postmaster_start_time ' +
    'pg_safe_snapshot_blocking_pids pg_trigger_depth system_user version',
  privileges:
    'acldefault aclexplode has_any_column_privilege has_column_privilege has_database_privilege ' +
    'has_foreign_data_wrapper_privilege has_function_privilege has_language_privilege has_largeobject_privilege ' +
    'has_parameter_privilege has_schema_privilege has_sequence_privilege has_server_privilege has_table_privilege ' +
    'has_tablespace_privilege has_type_privilege makeaclitem pg_has_role row_security_active',
  visibility:
    'pg_collation_is_visible pg_conversion_is_visible pg_function_is_visible pg_opclass_is_visible ' +
    'pg_operator_is_visible pg_opfamily_is_visible pg_statistics_obj_is_visible pg_table_is_visible ' +
    'pg_ts_config_is_visible pg_ts_dict_is_visible pg_ts_parser_is_visible pg_ts_template_is_visible ' +
    'pg_type_is_visible',
  catalog:
    'col_description format_type obj_description pg_basetype pg_char_to_encoding pg_collation_for ' +
    'pg_describe_object pg_encoding_to_char pg_get_acl pg_get_catalog_foreign_keys pg_get_constraintdef ' +
    'pg_get_expr pg_get_function_arguments pg_get_function_identity_arguments pg_get_function_result ' +
    'pg_get_functiondef pg_get_indexdef pg_get_keywords pg_get_object_address pg_get_partition_constraintdef ' +
    'pg_get_partkeydef pg_get_ruledef pg_get_serial_sequence pg_get_statisticsobjdef pg_get_triggerdef ' +
    'pg_get_userbyid pg_get_viewdef pg_identify_object pg_identify_object_as_address pg_index_column_has_property ' +
    'pg_index_has_property pg_indexam_has_property pg_input_error_info pg_input_is_valid pg_options_to_table ' +
    'pg_partition_ancestors pg_partition_root pg_partition_tree pg_settings_get_flags pg_tablespace_databases ' +
    'pg_tablespace_location pg_typeof shobj_description to_regclass to_regcollation to_regnamespace to_regoper ' +
    'to_regoperator to_regproc to_regprocedure to_regrole to_regtype to_regtypemod',
  sizes:
    'pg_column_compression pg_column_size pg_database_size pg_filenode_relation pg_indexes_size ' +
    'pg_relation_filenode pg_relation_filepath pg_relation_size pg_size_bytes pg_size_pretty pg_table_size ' +
    'pg_tablespace_size pg_total_relation_size',
  transactionInfo:
    'mxid_age pg_current_snapshot pg_current_xact_id_if_assigned pg_snapshot_xip pg_snapshot_xmax pg_snapshot_xmin ' +
    'pg_visible_in_snapshot pg_xact_status txid_current_if_assigned',
  recoveryInfo:
    'pg_current_wal_flush_lsn pg_current_wal_insert_lsn pg_current_wal_lsn pg_is_in_recovery ' +
    'pg_is_wal_replay_paused pg_last_wal_receive_lsn pg_last_wal_replay_lsn pg_last_xact_replay_timestamp ' +
    'pg_wal_lsn_diff',
  /** Only waits; the statement timeout bounds it like any slow query. */
  delay: 'pg_sleep pg_sleep_for pg_sleep_until',
} as const;

/** Group name → function names, for the README and the specs. */
export const readFunctionGroups: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(groups).map(([group, names]) => [group, names.split(' ')]),
);

/** Every name restricted mode may call. */
export const readFunctions: ReadonlySet<string> = new Set(Object.values(readFunctionGroups).flat());

/**
 * The volatile ones (pg_proc.provolatile = 'v'), each reviewed: they read the clock, randomness,
 * sizes on disk or server state, or wait. A spec keeps this list equal to what pg_proc says.
 */
export const reviewedVolatileReadFunctions: ReadonlySet<string> = new Set(
  ('array_sample array_shuffle clock_timestamp current_query gen_random_uuid pg_blocking_pids pg_database_size ' +
    'pg_indexes_size pg_is_in_recovery pg_is_wal_replay_paused pg_jit_available pg_last_wal_receive_lsn ' +
    'pg_last_wal_replay_lsn pg_last_xact_replay_timestamp pg_current_wal_flush_lsn pg_current_wal_insert_lsn ' +
    'pg_current_wal_lsn pg_partition_ancestors pg_partition_tree pg_relation_size pg_safe_snapshot_blocking_pids ' +
    'pg_sleep pg_sleep_for pg_sleep_until pg_table_size pg_tablespace_size pg_total_relation_size pg_xact_status ' +
    'random random_normal timeofday uuidv4 uuidv7').split(' '),
);
